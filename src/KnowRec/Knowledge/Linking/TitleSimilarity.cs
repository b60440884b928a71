namespace KnowRec.Knowledge.Linking;

/// <summary>How alike two title keys are, in [0, 1], from exact equality down to shared character trigrams.</summary>
/// <remarks>
/// Tiers, best first: equal keys (1); equal once spaces are removed, "Rocket Man" = "RocketMan" (0.97); one title is
/// the other's first or last two or more words, "The X Files" in "X-Files: Fight the Future" (0.9); three or more
/// words found in order in the other, "Friday the 13th: A New Beginning" in "Friday the 13th Part V: A New Beginning"
/// (0.85); otherwise the
/// Dice coefficient of the character trigram sets (Dice 1945; the usual fuzzy string measure of record linkage,
/// Christen, <i>Data Matching</i>, 2012, §5.4) scaled by 0.95 so a fuzzy match never ties an exact one.
/// </remarks>
internal static class TitleSimilarity
{
    /// <summary>A title key prepared once for many comparisons.</summary>
    public sealed class Prepared
    {
        public Prepared(string key)
        {
            Key = key;
            Words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Compact = string.Concat(Words);
            Trigrams = TrigramsOf(Compact);
        }

        public string Key { get; }

        public string[] Words { get; }

        public string Compact { get; }

        public int[] Trigrams { get; }
    }

    public static double Of(Prepared a, Prepared b)
    {
        if (a.Key.Length == 0 || b.Key.Length == 0)
        {
            return 0;
        }

        if (a.Key == b.Key)
        {
            return 1;
        }

        if (a.Compact == b.Compact)
        {
            return 0.97;
        }

        var (shorter, longer) = a.Words.Length <= b.Words.Length ? (a.Words, b.Words) : (b.Words, a.Words);
        // One shared word is too weak ("Squeeze" is not "The Big Squeeze"), so containment needs two.
        if (shorter.Length >= 2 && (StartsWith(longer, shorter, 0) || StartsWith(longer, shorter, longer.Length - shorter.Length)))
        {
            return 0.9;
        }

        if (shorter.Length >= 3 && IsSubsequence(shorter, longer))
        {
            return 0.85;
        }

        return 0.95 * Dice(a.Trigrams, b.Trigrams);
    }

    private static bool StartsWith(string[] longer, string[] shorter, int at)
    {
        for (int i = 0; i < shorter.Length; i++)
        {
            if (longer[at + i] != shorter[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSubsequence(string[] shorter, string[] longer)
    {
        int at = 0;
        foreach (string word in longer)
        {
            if (at < shorter.Length && word == shorter[at])
            {
                at++;
            }
        }

        return at == shorter.Length;
    }

    // 2|A ∩ B| / (|A| + |B|) over sorted distinct sets.
    private static double Dice(int[] a, int[] b)
    {
        if (a.Length + b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * shared / (a.Length + b.Length);
    }

    // Trigrams of the word with boundary marks, hashed to ints (collisions are harmless at these sizes, and deterministic).
    private static int[] TrigramsOf(string compact)
    {
        string padded = $"^{compact}$";
        var set = new SortedSet<int>();
        for (int i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add((padded[i] * 65599 * 65599) + (padded[i + 1] * 65599) + padded[i + 2]);
        }

        return [.. set];
    }
}
