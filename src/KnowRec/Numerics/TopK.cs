using KnowRec.Models;

namespace KnowRec.Numerics;

/// <summary>Partial selection of the k largest scores without sorting the whole array.</summary>
public static class TopK
{
    /// <summary>
    /// Returns the <paramref name="k"/> highest-scoring indices of <paramref name="scores"/>, best first, ties to the lower index.
    /// Entries that are NaN or negative infinity are treated as excluded.
    /// </summary>
    /// <remarks>
    /// O(n log k) with a bounded min-heap for small k; for large k (full rankings, AUC) one primitive sort of packed
    /// keys, which is several times faster than a heap or a comparison delegate and keeps the same tie rule.
    /// </remarks>
    public static ScoredItem[] Select(ReadOnlySpan<float> scores, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0 || scores.IsEmpty)
        {
            return [];
        }

        if (k >= scores.Length / 8)
        {
            return SelectBySort(scores, k);
        }

        var heap = new ScoredItem[Math.Min(k, scores.Length)];
        int size = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            float s = scores[i];
            if (float.IsNaN(s) || float.IsNegativeInfinity(s))
            {
                continue;
            }

            var candidate = new ScoredItem(i, s);
            if (size < heap.Length)
            {
                heap[size] = candidate;
                SiftUp(heap, size++);
            }
            else if (Better(candidate, heap[0]))
            {
                heap[0] = candidate;
                SiftDown(heap, 0, size);
            }
        }

        var result = heap.AsSpan(0, size).ToArray();
        Array.Sort(result, static (a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        return result;
    }

    // Each key is (descending order-preserving score bits) << 32 | index: ascending order of keys is best-first order
    // with ties to the lower index, and sorting a ulong[] needs no comparer.
    private static ScoredItem[] SelectBySort(ReadOnlySpan<float> scores, int k)
    {
        var keys = new ulong[scores.Length];
        int n = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            float s = scores[i];
            if (!float.IsNaN(s) && !float.IsNegativeInfinity(s))
            {
                keys[n++] = ((ulong)~OrderedBits(s) << 32) | (uint)i;
            }
        }

        var valid = keys.AsSpan(0, n);
        valid.Sort();
        var result = new ScoredItem[Math.Min(k, n)];
        for (int r = 0; r < result.Length; r++)
        {
            int index = (int)(uint)valid[r];
            result[r] = new ScoredItem(index, scores[index]);
        }

        return result;
    }

    // Maps a float to a uint whose unsigned order equals the float order; -0 is folded into +0 so they tie as floats do.
    private static uint OrderedBits(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value == 0f ? 0f : value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    /// <summary>True when <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then lower index.</summary>
    public static bool Better(ScoredItem a, ScoredItem b) => a.Score > b.Score || (a.Score == b.Score && a.Item < b.Item);

    // The heap keeps the worst kept item at the root.
    private static void SiftUp(ScoredItem[] heap, int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Better(heap[parent], heap[i]))
            {
                break;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private static void SiftDown(ScoredItem[] heap, int i, int size)
    {
        while (true)
        {
            int left = (2 * i) + 1;
            if (left >= size)
            {
                return;
            }

            int worst = left;
            if (left + 1 < size && Better(heap[left], heap[left + 1]))
            {
                worst = left + 1;
            }

            if (!Better(heap[i], heap[worst]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
