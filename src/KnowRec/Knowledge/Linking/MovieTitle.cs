using System.Globalization;

namespace KnowRec.Knowledge.Linking;

/// <summary>A title split into its main form, its alternative titles and its year, with the keys linking compares.</summary>
/// <remarks>
/// MovieLens writes "Matrix, The (1999)", "City of Lost Children, The (Cité des enfants perdus, La) (1995)" and
/// "Professional, The (a.k.a. Leon: The Professional) (1994)": the year is the last parenthesis, earlier trailing
/// parentheses are alternative titles (foreign or "a.k.a."), and articles are moved to the end. <see cref="Parse"/>
/// takes all of that apart and moves articles back to the front ("The Matrix"), so it reads IMDb-style titles
/// ("The Matrix", MeLU) the same way. <see cref="Key"/> then folds a title for comparison.
/// </remarks>
/// <param name="Title">The main title with its article in front, e.g. "The City of Lost Children".</param>
/// <param name="Aliases">Alternative titles, articles in front, e.g. "La Cité des enfants perdus".</param>
/// <param name="Year">The year from the title's last parenthesis, else the year the caller gave.</param>
public sealed record MovieTitle(string Title, IReadOnlyList<string> Aliases, int? Year)
{
    // Articles that MovieLens and other catalogues move behind a comma, in the languages of the ML-1M catalogue.
    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "La", "Le", "Les", "L'", "Il", "Lo", "Gli", "I", "El", "Los", "Las", "Un", "Une", "Una",
        "Das", "Der", "Die", "Den", "Det", "Ein", "Eine", "O", "Os", "As", "De", "Het",
    };

    // Roman numerals of sequels read as digits ("Rocky II" = "Rocky 2"); I, V and X stay words ("I", "X-Files").
    // Number words read as digits too ("Gone in Sixty Seconds" = "Gone in 60 Seconds"); compounds are left alone.
    private static readonly Dictionary<string, string> Numerals = new(StringComparer.Ordinal)
    {
        ["ii"] = "2",
        ["iii"] = "3",
        ["iv"] = "4",
        ["vi"] = "6",
        ["vii"] = "7",
        ["viii"] = "8",
        ["ix"] = "9",
        ["one"] = "1",
        ["two"] = "2",
        ["three"] = "3",
        ["four"] = "4",
        ["five"] = "5",
        ["six"] = "6",
        ["seven"] = "7",
        ["eight"] = "8",
        ["nine"] = "9",
        ["ten"] = "10",
        ["eleven"] = "11",
        ["twelve"] = "12",
        ["thirteen"] = "13",
        ["fourteen"] = "14",
        ["fifteen"] = "15",
        ["sixteen"] = "16",
        ["seventeen"] = "17",
        ["eighteen"] = "18",
        ["nineteen"] = "19",
        ["twenty"] = "20",
        ["thirty"] = "30",
        ["forty"] = "40",
        ["fifty"] = "50",
        ["sixty"] = "60",
        ["seventy"] = "70",
        ["eighty"] = "80",
        ["ninety"] = "90",
    };

    /// <summary>All titles, main first, without repeats.</summary>
    public IEnumerable<string> All => Aliases.Prepend(Title).Distinct(StringComparer.Ordinal);

    /// <summary>Parses a catalogue title; <paramref name="year"/> is used when the title carries none.</summary>
    public static MovieTitle Parse(string title, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        string rest = title.Trim();
        int? titleYear = null;
        var aliases = new List<string>();
        while (rest.Length > 0 && rest[^1] == ')')
        {
            int open = MatchingOpen(rest);
            if (open <= 0)
            {
                break;
            }

            string inside = rest[(open + 1)..^1].Trim();
            rest = rest[..open].Trim();
            if (titleYear is null && aliases.Count == 0 && IsYear(inside, out int parsed))
            {
                titleYear = parsed;
            }
            else if (inside.Length > 0)
            {
                aliases.InsertRange(0, AliasesOf(inside));
            }
        }

        string main = Uninvert(rest.Length > 0 ? rest : title.Trim());
        return new MovieTitle(main, [.. aliases.Select(Uninvert).Where(a => a.Length > 0 && a != main).Distinct(StringComparer.Ordinal)], titleYear ?? year);
    }

    /// <summary>
    /// The comparison key of one title: folded by <see cref="TextKey.Fold"/>, an English leading article dropped
    /// ("the matrix" → "matrix"), sequel numerals II–IX and the number words one–twenty, thirty–ninety read as digits.
    /// </summary>
    public static string Key(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = TextKey.Fold(title).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] is "the" or "a" or "an")
        {
            words.RemoveAt(0);
        }

        for (int i = 0; i < words.Count; i++)
        {
            words[i] = Numerals.GetValueOrDefault(words[i], words[i]);
        }

        return string.Join(' ', words);
    }

    /// <summary>"Matrix, The" → "The Matrix"; "Cité des enfants perdus, La" → "La Cité des enfants perdus"; other titles unchanged.</summary>
    public static string Uninvert(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        title = title.Trim();
        int comma = title.LastIndexOf(", ", StringComparison.Ordinal);
        if (comma > 0)
        {
            string article = title[(comma + 2)..].Trim();
            if (Articles.Contains(article))
            {
                string body = title[..comma].Trim();
                return article.EndsWith('\'') ? article + body : $"{article} {body}";
            }
        }

        return title;
    }

    private static IEnumerable<string> AliasesOf(string inside)
    {
        foreach (string prefix in (string[])["a.k.a.", "aka", "a.k.a"])
        {
            if (inside.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                string names = inside[(prefix.Length + 1)..].Trim();

                // "a.k.a. All I Wanna Do, The Hairy Bird" lists two titles; "a.k.a. Leon, The" is one inverted title.
                var parts = names.Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 1 && parts.All(p => !Articles.Contains(p)) ? parts.Prepend(names) : [names];
            }
        }

        return [inside];
    }

    private static bool IsYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4 && year is >= 1800 and <= 2100;

    private static int MatchingOpen(string text)
    {
        int depth = 0;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            depth += text[i] == ')' ? 1 : text[i] == '(' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
