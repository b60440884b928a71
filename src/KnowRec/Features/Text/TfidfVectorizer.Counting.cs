namespace KnowRec.Features.Text;

/// <content>Per-document feature counts and their TF-IDF weights.</content>
internal sealed partial class TfidfVectorizer
{
    private static DocumentCounts Count(string text, int wordMax, int charMin, int charMax, Scratch scratch)
    {
        scratch.Words.Clear();
        scratch.Chars.Clear();
        NGramHasher.Features(text, wordMax, charMin, charMax, scratch.Words, scratch.Chars);
        var (wordHashes, wordCounts) = Runs(scratch.Words);
        var (charHashes, charCounts) = Runs(scratch.Chars);
        return new DocumentCounts(wordHashes, wordCounts, charHashes, charCounts);
    }

    // Distinct hashes (ascending) and how often each occurs.
    private static (ulong[] Hashes, int[] Counts) Runs(List<ulong> hashes)
    {
        hashes.Sort();
        int distinct = 0;
        for (int i = 0; i < hashes.Count; i++)
        {
            if (i == 0 || hashes[i] != hashes[i - 1])
            {
                distinct++;
            }
        }

        var keys = new ulong[distinct];
        var counts = new int[distinct];
        int k = -1;
        for (int i = 0; i < hashes.Count; i++)
        {
            if (i == 0 || hashes[i] != hashes[i - 1])
            {
                keys[++k] = hashes[i];
            }

            counts[k]++;
        }

        return (keys, counts);
    }

    private (int[] Columns, float[] Values) Weigh(DocumentCounts document)
    {
        var columns = new List<int>(document.WordHashes.Length + document.CharHashes.Length);
        var values = new List<float>(columns.Capacity);
        double wordNorm = Append(document.WordHashes, document.WordCounts, _words, columns, values);
        int wordEntries = columns.Count;
        double charNorm = Append(document.CharHashes, document.CharCounts, _chars, columns, values);
        int blocks = (wordEntries > 0 ? 1 : 0) + (columns.Count > wordEntries ? 1 : 0);
        var weights = values.ToArray();
        for (int e = 0; e < weights.Length; e++)
        {
            double norm = e < wordEntries ? wordNorm : charNorm;
            weights[e] = (float)(weights[e] / (norm * Math.Sqrt(blocks)));
        }

        return ([.. columns], weights);
    }

    // Appends (column, (1 + ln tf)·idf) for the known features of one block; returns the block's L2 norm.
    private double Append(ulong[] hashes, int[] counts, Dictionary<ulong, int> index, List<int> columns, List<float> values)
    {
        double sum = 0;
        for (int k = 0; k < hashes.Length; k++)
        {
            if (index.TryGetValue(hashes[k], out int column))
            {
                float w = (float)((1.0 + Math.Log(counts[k])) * Idf[column]);
                columns.Add(column);
                values.Add(w);
                sum += (double)w * w;
            }
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Buffers reused by one thread while counting.</summary>
    private sealed class Scratch
    {
        public List<ulong> Words { get; } = new(1024);

        public List<ulong> Chars { get; } = new(4096);
    }

    private readonly record struct DocumentCounts(ulong[] WordHashes, int[] WordCounts, ulong[] CharHashes, int[] CharCounts);
}
