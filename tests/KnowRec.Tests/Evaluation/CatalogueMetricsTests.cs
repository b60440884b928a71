using KnowRec.Data;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class CatalogueMetricsTests
{
    // Catalogue of 5; item counts c = [3, 2, 1, 0, 0].
    private static readonly IReadOnlyList<int>[] Lists = [[0, 1], [0, 2], [0, 1]];

    [Fact]
    public void Coverage_IsShareOfRecommendedItems_OnHandCase()
    {
        // Items 0, 1, 2 of 5.
        Assert.Equal(0.6, CatalogueMetrics.Coverage(Lists, 5), 9);
    }

    [Fact]
    public void Gini_MatchesHandComputation_IncludingNeverRecommendedItems()
    {
        // Sorted [0, 0, 1, 2, 3], n = 5, Σc = 6, weights 2j − n − 1 = [−4, −2, 0, 2, 4]:
        // Σ = 0 + 0 + 0 + 4 + 12 = 16; G = 16 / (5 · 6) = 0.533333.
        Assert.Equal(16.0 / 30, CatalogueMetrics.Gini(Lists, 5), 9);
    }

    [Fact]
    public void Gini_IsZero_WhenEqualAndNearOne_WhenConcentrated()
    {
        Assert.Equal(0, CatalogueMetrics.Gini([[0], [1], [2]], 3), 9);

        // Sorted [0, 0, 0, 2]: only j = 4 counts, (8 − 5) · 2 / (4 · 2) = 0.75 = (n − 1)/n.
        Assert.Equal(0.75, CatalogueMetrics.Gini([[0], [0]], 4), 9);
        Assert.Equal(0, CatalogueMetrics.Gini([[], []], 4));
    }

    [Fact]
    public void Novelty_MatchesHandComputation_WithSmoothing()
    {
        // 4 users; item 0 held by 3, item 1 by 2, item 2 by none (smoothed to 1 user).
        var train = InteractionMatrix.FromEntries(4, 3, SplitBuilder.Rows((0, 0), (0, 1), (1, 0), (2, 0), (3, 1)));

        // −log2(3/4) = 0.415037, −log2(2/4) = 1, −log2(1/4) = 2; mean over 3 slots = 3.415037 / 3 = 1.138346.
        double expected = (-Math.Log2(0.75) + 1 + 2) / 3;
        Assert.Equal(expected, CatalogueMetrics.Novelty([[0, 1], [2]], train), 9);
    }

    [Fact]
    public void RecommendationCounts_Throws_WhenItemOutsideCatalogue()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CatalogueMetrics.RecommendationCounts([[5]], 5));
    }
}
