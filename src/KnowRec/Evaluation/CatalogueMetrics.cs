using KnowRec.Data;

namespace KnowRec.Evaluation;

/// <summary>Beyond-accuracy metrics over all users' top-K lists: how much of the catalogue is used, how evenly, how unpopular.</summary>
/// <remarks>
/// Pure and thread-safe. Each list holds one user's recommended item indices, already cut to K; lists may be shorter
/// than K or empty. n is the catalogue size and c_i the number of lists that contain item i.
/// </remarks>
public static class CatalogueMetrics
{
    /// <summary>Coverage@K = |{ i : c_i &gt; 0 }| / n, the share of the catalogue recommended to at least one user.</summary>
    public static double Coverage(IReadOnlyList<IReadOnlyList<int>> lists, int catalogueSize)
    {
        int[] counts = RecommendationCounts(lists, catalogueSize);
        int used = 0;
        foreach (int c in counts)
        {
            used += c > 0 ? 1 : 0;
        }

        return (double)used / catalogueSize;
    }

    /// <summary>
    /// Gini@K of the recommendation counts of all n catalogue items, never-recommended items included as zeros:
    /// with counts sorted ascending c_(1) ≤ … ≤ c_(n), G = Σ_j (2j − n − 1) · c_(j) / (n · Σ_j c_(j)).
    /// </summary>
    /// <returns>0 when every item is recommended equally often, (n − 1)/n (→ 1) when one item takes every slot; 0 when nothing was recommended.</returns>
    public static double Gini(IReadOnlyList<IReadOnlyList<int>> lists, int catalogueSize)
    {
        int[] counts = RecommendationCounts(lists, catalogueSize);
        Array.Sort(counts);
        long total = 0;
        double weighted = 0;
        int n = counts.Length;
        for (int j = 1; j <= n; j++)
        {
            total += counts[j - 1];
            weighted += (2.0 * j - n - 1) * counts[j - 1];
        }

        // An empty set of recommendations concentrates nothing, so it scores as perfectly equal.
        return total == 0 ? 0 : weighted / (n * (double)total);
    }

    /// <summary>
    /// Novelty@K = mean over every recommended (user, item) slot of −log2(p_i), where p_i = u_i / U is the item's
    /// popularity share in training: u_i users had the item in train out of U users.
    /// </summary>
    /// <remarks>
    /// Smoothing: an item no training user had would have infinite self-information, so it counts as if one user had it
    /// (p_i = 1 / U), the rarest popularity that training can show. Returns 0 when nothing was recommended.
    /// </remarks>
    /// <param name="lists">Top-K lists of the evaluated users.</param>
    /// <param name="train">The training matrix (users × items) that gives the popularity.</param>
    public static double Novelty(IReadOnlyList<IReadOnlyList<int>> lists, InteractionMatrix train)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(train.Users, 1, nameof(train));

        // CSR rows hold distinct columns, so a column count is the number of users who had the item.
        var usersWith = new int[train.Items];
        foreach (int item in train.Columns)
        {
            usersWith[item]++;
        }

        double sum = 0;
        long slots = 0;
        foreach (var list in lists)
        {
            foreach (int item in list)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)train.Items, nameof(lists));
                double share = (double)Math.Max(usersWith[item], 1) / train.Users;
                sum -= Math.Log2(share);
                slots++;
            }
        }

        return slots == 0 ? 0 : sum / slots;
    }

    /// <summary>How many lists contain each catalogue item (c_i), indexed by item.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A list holds an item outside the catalogue.</exception>
    public static int[] RecommendationCounts(IReadOnlyList<IReadOnlyList<int>> lists, int catalogueSize)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfLessThan(catalogueSize, 1);
        var counts = new int[catalogueSize];
        foreach (var list in lists)
        {
            foreach (int item in list)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)catalogueSize, nameof(lists));
                counts[item]++;
            }
        }

        return counts;
    }
}
