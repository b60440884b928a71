namespace KnowRec.Features.Text;

/// <summary>Cuts a text into word n-grams and within-word character n-grams, each named by a 64-bit hash.</summary>
/// <remarks>
/// Tokens are maximal runs of letters or digits, lower-cased (invariant culture). Word features are unigrams and
/// n-grams of adjacent tokens up to <c>wordMax</c>; character features are the n-grams (<c>charMin</c>…<c>charMax</c>)
/// of each token padded with one space on each side, so prefixes and suffixes are features of their own (scikit-learn's
/// <c>char_wb</c> analyser, minus its special case for words shorter than n, which are simply skipped). A feature is
/// named by FNV-1a over its characters with a per-kind seed rather than by a string: no allocation per n-gram, and
/// with at most a few million distinct n-grams the chance that two share a 64-bit hash is below 10⁻⁶.
/// </remarks>
internal static class NGramHasher
{
    private const ulong Prime = 1099511628211UL;
    private const ulong Basis = 14695981039346656037UL;
    private const ulong WordSeed = 0x1F2E3D4C5B6A7988UL;
    private const ulong CharSeed = 0x0A1B2C3D4E5F6071UL;

    /// <summary>Hash of a word unigram (already lower-cased).</summary>
    public static ulong Word(ReadOnlySpan<char> word)
    {
        ulong h = Basis ^ WordSeed;
        foreach (char c in word)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    /// <summary>Hash of a character n-gram, e.g. <c>" ca"</c> (spaces mark word edges).</summary>
    public static ulong Chars(ReadOnlySpan<char> gram)
    {
        ulong h = Basis ^ CharSeed;
        foreach (char c in gram)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    /// <summary>Hash of the word n-gram that extends <paramref name="prefix"/> (a word or n-gram hash) by the word hashed as <paramref name="next"/>.</summary>
    public static ulong Extend(ulong prefix, ulong next)
    {
        ulong z = (prefix * 0x9E3779B97F4A7C15UL) + next + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Appends the hashes of every word feature to <paramref name="words"/> and every character feature to <paramref name="chars"/>.</summary>
    public static void Features(string text, int wordMax, int charMin, int charMax, List<ulong> words, List<ulong> chars)
    {
        Span<ulong> recent = stackalloc ulong[Math.Max(wordMax, 1)];
        Span<char> padded = stackalloc char[66];
        int seen = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            // Words longer than 64 characters are cut: they are URLs or junk, and the stack buffer stays small.
            int length = Math.Min(i - start, 64);
            padded[0] = ' ';
            for (int k = 0; k < length; k++)
            {
                padded[k + 1] = char.ToLowerInvariant(text[start + k]);
            }

            padded[length + 1] = ' ';
            if (wordMax > 0)
            {
                ulong word = Word(padded.Slice(1, length));
                for (int k = Math.Min(seen, wordMax - 1); k > 0; k--)
                {
                    recent[k] = Extend(recent[k - 1], word);
                }

                recent[0] = word;
                seen++;
                for (int k = 0; k < Math.Min(seen, wordMax); k++)
                {
                    words.Add(recent[k]);
                }
            }

            if (charMax > 0)
            {
                AddCharGrams(padded[..(length + 2)], charMin, charMax, chars);
            }
        }
    }

    private static void AddCharGrams(ReadOnlySpan<char> padded, int charMin, int charMax, List<ulong> chars)
    {
        for (int s = 0; s + charMin <= padded.Length; s++)
        {
            ulong h = Basis ^ CharSeed;
            int end = Math.Min(s + charMax, padded.Length);
            for (int j = s; j < end; j++)
            {
                h = (h ^ padded[j]) * Prime;
                if (j - s + 1 >= charMin)
                {
                    chars.Add(h);
                }
            }
        }
    }
}
