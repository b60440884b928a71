using System.Text;

namespace KnowRec.Knowledge.Linking;

/// <summary>Folds names and titles to comparison keys: lower case, accents stripped, punctuation to spaces, one space between words.</summary>
/// <remarks>
/// The process runs with invariant globalization, where <see cref="string.Normalize()"/> does not decompose accented
/// letters, so the Latin-1 and Latin Extended-A letters (which cover the European names in MovieLens, IMDb and Last.FM)
/// are folded by a table: é → e, ß → ss, Æ → ae, Ł → l; combining marks (U+0300–U+036F) are dropped. Apostrophes are
/// removed without a space ("Let's" → "lets", "O'Haver" → "ohaver"), <c>&amp;</c> reads "and", other punctuation
/// separates words; ½ reads "1 2" (as "1/2" does) and superscript digits are digits. Thread-safe.
/// </remarks>
public static class TextKey
{
    // Base letters of U+0100..U+017F (Latin Extended-A), one run per base letter: (count, letters).
    private static readonly (int Count, string Base)[] ExtendedA =
    [
        (6, "a"), (8, "c"), (4, "d"), (10, "e"), (8, "g"), (4, "h"), (10, "i"), (2, "ij"), (2, "j"), (3, "k"), (10, "l"),
        (9, "n"), (6, "o"), (2, "oe"), (6, "r"), (8, "s"), (6, "t"), (12, "u"), (2, "w"), (3, "y"), (6, "z"), (1, "s"),
    ];

    // Lower-case ASCII replacements for U+00C0..U+00FF (Latin-1 Supplement letters); "" for the two signs × and ÷.
    private static readonly string[] Latin1 =
    [
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    ];

    private static readonly string[] ExtendedATable = BuildExtendedA();

    private static readonly Dictionary<char, string> Numbers = new()
    {
        ['½'] = "1 2",
        ['¼'] = "1 4",
        ['¾'] = "3 4",
        ['¹'] = "1",
        ['²'] = "2",
        ['³'] = "3",
    };

    /// <summary>The folded key of <paramref name="text"/>: e.g. "Cité des Enfants Perdus, La" → "cite des enfants perdus la".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            // "8½" = "8 1/2", "Alien³" = "Alien 3": vulgar fractions and superscripts are numbers of their own.
            if (Numbers.TryGetValue(c, out string? number))
            {
                foreach (string word in number.Split(' '))
                {
                    space = key.Length > 0;
                    AppendWord(key, word, ref space);
                }

                space = true;
                continue;
            }

            string? mapped = Letter(c);
            if (mapped is null)
            {
                // Apostrophes join the word; combining accents vanish; anything else breaks words.
                if (c is '\'' or '’' or '‘' or '`' or '´' || (c >= '\u0300' && c <= '\u036F'))
                {
                    continue;
                }

                if (c == '&')
                {
                    AppendWord(key, "and", ref space);
                    space = true;
                    continue;
                }

                space = key.Length > 0;
                continue;
            }

            AppendWord(key, mapped, ref space);
        }

        return key.ToString();
    }

    /// <summary>True when <paramref name="c"/> is a letter that <see cref="Fold"/> changes beyond case (an accented or special letter).</summary>
    public static bool IsAccented(char c) => c is >= '\u00C0' and <= '\u017F' && c != '×' && c != '÷';

    private static void AppendWord(StringBuilder key, string letters, ref bool space)
    {
        if (letters.Length == 0)
        {
            return;
        }

        if (space)
        {
            key.Append(' ');
            space = false;
        }

        key.Append(letters);
    }

    private static string? Letter(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : null;
        }

        if (c is >= '\u00C0' and <= '\u00FF')
        {
            return Latin1[c - 0xC0].Length == 0 ? null : Latin1[c - 0xC0];
        }

        if (c is >= '\u0100' and <= '\u017F')
        {
            return ExtendedATable[c - 0x100];
        }

        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : null;
    }

    private static string[] BuildExtendedA()
    {
        var table = new List<string>(128);
        foreach (var (count, letters) in ExtendedA)
        {
            table.AddRange(Enumerable.Repeat(letters, count));
        }

        return table.Count == 128 ? [.. table] : throw new InvalidOperationException("The Latin Extended-A table must cover 128 letters.");
    }
}
