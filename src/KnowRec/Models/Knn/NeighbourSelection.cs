namespace KnowRec.Models.Knn;

/// <summary>Chooses the k most similar of a prediction's candidate neighbours and averages their terms.</summary>
/// <remarks>
/// Candidates arrive in ascending neighbour index; ties at the k-th similarity go to the lower index, and sums run in
/// index order, so the single-score path and the score-all path give bit-identical results.
/// </remarks>
internal static class NeighbourSelection
{
    /// <summary>The cut: candidate c is kept when s_c &gt; threshold, or s_c == threshold while ties remain (in order).</summary>
    public static (float Threshold, int Ties) Cut(ReadOnlySpan<float> similarities, int k, Span<float> scratch)
    {
        if (similarities.Length <= k)
        {
            return (float.NegativeInfinity, 0);
        }

        var sorted = scratch[..similarities.Length];
        similarities.CopyTo(sorted);
        sorted.Sort();
        float threshold = sorted[similarities.Length - k];
        int above = 0;
        foreach (float s in similarities)
        {
            above += s > threshold ? 1 : 0;
        }

        return (threshold, k - above);
    }

    /// <summary>Σ s·v / Σ s over the k most similar candidates, or 0 when fewer than <paramref name="minK"/> are available.</summary>
    public static float WeightedAverage(ReadOnlySpan<float> similarities, ReadOnlySpan<float> values, int k, int minK, Span<float> scratch)
    {
        var (threshold, ties) = Cut(similarities, k, scratch);
        double weighted = 0;
        double total = 0;
        int used = 0;
        for (int c = 0; c < similarities.Length; c++)
        {
            float s = similarities[c];
            if (s > threshold || (s == threshold && ties-- > 0))
            {
                weighted += s * (double)values[c];
                total += s;
                used++;
            }
        }

        return used < minK || total <= 0 ? 0f : (float)(weighted / total);
    }
}
