using KnowRec.Models;

namespace KnowRec.Evaluation;

/// <summary>Top-K accuracy metrics of one user's ranked list against the user's relevant test items (binary relevance).</summary>
/// <remarks>
/// Pure and thread-safe. <c>ranked</c> holds distinct item indices, best first; items past position K are ignored, so a
/// list may be passed uncut. <c>relevant</c> is the user's non-empty set of relevant test items: users without any are
/// not evaluated, and several metrics are undefined for them. Below, rel_i = 1 when the item at rank i (1-based) is
/// relevant, hits = Σ_{i≤K} rel_i and |T| = number of relevant items.
/// </remarks>
public static class RankingMetrics
{
    /// <summary>Precision@K = hits / K, where K is the requested cutoff even when fewer than K items were returned.</summary>
    public static double Precision(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Check(relevant, k);
        return (double)Hits(ranked, relevant, k) / k;
    }

    /// <summary>Recall@K = hits / |T|.</summary>
    public static double Recall(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Check(relevant, k);
        return (double)Hits(ranked, relevant, k) / relevant.Count;
    }

    /// <summary>
    /// NDCG@K with binary relevance: DCG = Σ_{i≤K} rel_i / log2(i + 1), divided by the ideal
    /// IDCG = Σ_{i≤min(K, |T|)} 1 / log2(i + 1) of a list that puts every relevant item first.
    /// </summary>
    public static double Ndcg(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Check(relevant, k);
        double dcg = 0;
        int n = Math.Min(k, ranked.Length);
        for (int i = 0; i < n; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                dcg += 1.0 / Math.Log2(i + 2);
            }
        }

        double ideal = 0;
        int best = Math.Min(k, relevant.Count);
        for (int i = 0; i < best; i++)
        {
            ideal += 1.0 / Math.Log2(i + 2);
        }

        return dcg / ideal;
    }

    /// <summary>
    /// Average precision AP@K = (1 / min(K, |T|)) · Σ_{i≤K} P@i · rel_i, where P@i = hits within the first i / i;
    /// MAP@K is its mean over users.
    /// </summary>
    /// <remarks>Dividing by min(K, |T|) rather than |T| lets a perfect top-K score 1 when |T| &gt; K.</remarks>
    public static double AveragePrecision(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Check(relevant, k);
        double sum = 0;
        int hits = 0;
        int n = Math.Min(k, ranked.Length);
        for (int i = 0; i < n; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                hits++;
                sum += (double)hits / (i + 1);
            }
        }

        return sum / Math.Min(k, relevant.Count);
    }

    /// <summary>Reciprocal rank RR@K = 1 / (rank of the first relevant item) when it is within K, else 0; MRR@K is its mean over users.</summary>
    public static double ReciprocalRank(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Check(relevant, k);
        int n = Math.Min(k, ranked.Length);
        for (int i = 0; i < n; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>HitRate@K = 1 when at least one relevant item is within the first K, else 0.</summary>
    public static double HitRate(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Check(relevant, k);
        return Hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /// <summary>
    /// Area under the ROC curve for one user: the share of (relevant, non-relevant) candidate pairs in which the relevant
    /// item scores higher, ties counting 1/2. AUC = Σ_{p∈T, n∉T} [s_p &gt; s_n] + ½[s_p = s_n], divided by |T∩C| · |C∖T|.
    /// </summary>
    /// <param name="candidates">Every candidate item with its score, in any order (for full ranking, all items the user has not seen).</param>
    /// <param name="relevant">The user's relevant items; those missing from <paramref name="candidates"/> are ignored.</param>
    /// <returns>The AUC in [0, 1], or <see cref="double.NaN"/> when the candidates hold no relevant or no non-relevant item (undefined).</returns>
    /// <remarks>O(n) when the candidates come best first (as rankings do), else O(n log n) for the sort; tie groups are counted at once.</remarks>
    public static double Auc(ReadOnlySpan<ScoredItem> candidates, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        if (IsBestFirst(candidates))
        {
            // Rankings from IRecommender come sorted: one pass over the tie groups, no copy and no sort.
            return AucOfGroups(candidates, relevant);
        }

        var sorted = candidates.ToArray();
        Array.Sort(sorted, static (a, b) => b.Score.CompareTo(a.Score));
        return AucOfGroups(sorted, relevant);
    }

    private static bool IsBestFirst(ReadOnlySpan<ScoredItem> candidates)
    {
        for (int i = 1; i < candidates.Length; i++)
        {
            if (candidates[i].Score > candidates[i - 1].Score)
            {
                return false;
            }
        }

        return true;
    }

    // Walks tie groups from the best score down; each non-relevant item in a group loses to every relevant item in
    // higher groups and ties (½) with the relevant items of its own group.
    private static double AucOfGroups(ReadOnlySpan<ScoredItem> sorted, IReadOnlySet<int> relevant)
    {
        double correct = 0;
        long positivesAbove = 0;
        long negatives = 0;
        int start = 0;
        while (start < sorted.Length)
        {
            int end = start;
            long groupPositives = 0;
            while (end < sorted.Length && sorted[end].Score.Equals(sorted[start].Score))
            {
                groupPositives += relevant.Contains(sorted[end].Item) ? 1 : 0;
                end++;
            }

            long groupNegatives = end - start - groupPositives;
            correct += (groupNegatives * (double)positivesAbove) + (0.5 * groupPositives * groupNegatives);
            positivesAbove += groupPositives;
            negatives += groupNegatives;
            start = end;
        }

        return positivesAbove == 0 || negatives == 0 ? double.NaN : correct / (positivesAbove * (double)negatives);
    }

    /// <summary>Number of relevant items within the first K of <paramref name="ranked"/>.</summary>
    public static int Hits(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int hits = 0;
        int n = Math.Min(k, ranked.Length);
        for (int i = 0; i < n; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                hits++;
            }
        }

        return hits;
    }

    private static void Check(IReadOnlySet<int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (relevant.Count == 0)
        {
            throw new ArgumentException("The user has no relevant items; such users are not evaluated.", nameof(relevant));
        }
    }
}
