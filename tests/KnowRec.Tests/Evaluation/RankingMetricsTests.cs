using KnowRec.Evaluation;
using KnowRec.Models;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class RankingMetricsTests
{
    private const int Digits = 6;

    // ranked [5, 1, 7, 3, 9], relevant {1, 3, 4}: hits at ranks 2 and 4.
    private static readonly int[] Ranked = [5, 1, 7, 3, 9];
    private static readonly HashSet<int> Relevant = [1, 3, 4];

    [Fact]
    public void Metrics_MatchHandComputation_AtFive()
    {
        // P@5 = 2/5; R@5 = 2/3.
        Assert.Equal(0.4, RankingMetrics.Precision(Ranked, Relevant, 5), Digits);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(Ranked, Relevant, 5), Digits);

        // DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061607;
        // IDCG over min(5, 3) = 3 ranks = 1 + 0.630930 + 0.5 = 2.130930; NDCG = 0.498189.
        Assert.Equal(0.498189, RankingMetrics.Ndcg(Ranked, Relevant, 5), Digits);

        // AP = (P@2 + P@4) / min(5, 3) = (1/2 + 2/4) / 3 = 1/3.
        Assert.Equal(1.0 / 3, RankingMetrics.AveragePrecision(Ranked, Relevant, 5), Digits);

        // First hit at rank 2.
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(Ranked, Relevant, 5), Digits);
        Assert.Equal(1.0, RankingMetrics.HitRate(Ranked, Relevant, 5));
        Assert.Equal(2, RankingMetrics.Hits(Ranked, Relevant, 5));
    }

    [Fact]
    public void Metrics_CutListInside_AtThree()
    {
        // Top 3 = [5, 1, 7]: one hit at rank 2. P = 1/3, R = 1/3.
        Assert.Equal(1.0 / 3, RankingMetrics.Precision(Ranked, Relevant, 3), Digits);
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(Ranked, Relevant, 3), Digits);

        // NDCG = (1/log2 3) / (1 + 1/log2 3 + 1/log2 4) = 0.630930 / 2.130930 = 0.296082.
        Assert.Equal(0.296082, RankingMetrics.Ndcg(Ranked, Relevant, 3), Digits);

        // AP = (1/2) / min(3, 3) = 1/6.
        Assert.Equal(1.0 / 6, RankingMetrics.AveragePrecision(Ranked, Relevant, 3), Digits);
    }

    [Fact]
    public void Metrics_AreZero_WhenNoHits()
    {
        int[] ranked = [7, 8, 9];
        HashSet<int> relevant = [1, 2];
        Assert.Equal(0, RankingMetrics.Precision(ranked, relevant, 3));
        Assert.Equal(0, RankingMetrics.Recall(ranked, relevant, 3));
        Assert.Equal(0, RankingMetrics.Ndcg(ranked, relevant, 3));
        Assert.Equal(0, RankingMetrics.AveragePrecision(ranked, relevant, 3));
        Assert.Equal(0, RankingMetrics.ReciprocalRank(ranked, relevant, 3));
        Assert.Equal(0, RankingMetrics.HitRate(ranked, relevant, 3));
    }

    [Fact]
    public void Metrics_AreOne_WhenAllHits()
    {
        int[] ranked = [3, 1, 2];
        HashSet<int> relevant = [1, 2, 3];
        Assert.Equal(1, RankingMetrics.Precision(ranked, relevant, 3), Digits);
        Assert.Equal(1, RankingMetrics.Recall(ranked, relevant, 3), Digits);
        Assert.Equal(1, RankingMetrics.Ndcg(ranked, relevant, 3), Digits);
        Assert.Equal(1, RankingMetrics.AveragePrecision(ranked, relevant, 3), Digits);
        Assert.Equal(1, RankingMetrics.ReciprocalRank(ranked, relevant, 3), Digits);
        Assert.Equal(1, RankingMetrics.HitRate(ranked, relevant, 3), Digits);
    }

    [Fact]
    public void Metrics_DivideByRequestedK_WhenFewerReturnedThanK()
    {
        // One item returned for K = 5, relevant {4, 8} (|T| = 2 < K).
        int[] ranked = [4];
        HashSet<int> relevant = [4, 8];

        // P = 1/5 (not 1/1); R = 1/2.
        Assert.Equal(0.2, RankingMetrics.Precision(ranked, relevant, 5), Digits);
        Assert.Equal(0.5, RankingMetrics.Recall(ranked, relevant, 5), Digits);

        // IDCG over min(5, 2) = 2 ranks = 1 + 1/log2 3 = 1.630930; NDCG = 1 / 1.630930 = 0.613147.
        Assert.Equal(0.613147, RankingMetrics.Ndcg(ranked, relevant, 5), Digits);

        // AP = P@1 / min(5, 2) = 1/2.
        Assert.Equal(0.5, RankingMetrics.AveragePrecision(ranked, relevant, 5), Digits);
        Assert.Equal(1, RankingMetrics.ReciprocalRank(ranked, relevant, 5));
    }

    [Fact]
    public void Metrics_ReachOne_WhenMoreRelevantThanK()
    {
        // |T| = 5 > K = 2 and both top slots hit: the best any list can do.
        int[] ranked = [1, 2, 9];
        HashSet<int> relevant = [1, 2, 3, 4, 5];
        Assert.Equal(1, RankingMetrics.Precision(ranked, relevant, 2), Digits);

        // R = 2/5: recall cannot reach 1 when |T| > K.
        Assert.Equal(0.4, RankingMetrics.Recall(ranked, relevant, 2), Digits);
        Assert.Equal(1, RankingMetrics.Ndcg(ranked, relevant, 2), Digits);

        // AP = (P@1 + P@2) / min(2, 5) = (1 + 1) / 2.
        Assert.Equal(1, RankingMetrics.AveragePrecision(ranked, relevant, 2), Digits);
    }

    [Fact]
    public void Metrics_Throw_WhenNoRelevantItemsOrBadK()
    {
        int[] ranked = [1, 2];
        Assert.Throws<ArgumentException>(() => RankingMetrics.Recall(ranked, new HashSet<int>(), 2));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Ndcg(ranked, new HashSet<int>(), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.Precision(ranked, new HashSet<int> { 1 }, 0));
    }

    [Fact]
    public void Auc_CountsTiesAsHalf_OnHandCase()
    {
        // Relevant {1, 3}, non-relevant {2, 4, 5}; scores 1:.9 2:.8 3:.8 4:.1 5:.5.
        // Item 1 beats 2, 4, 5 (3 pairs); item 3 ties 2 (1/2) and beats 4, 5 (2) → 5.5 of 6 pairs.
        ScoredItem[] candidates = [new(4, 0.1f), new(1, 0.9f), new(2, 0.8f), new(3, 0.8f), new(5, 0.5f)];
        Assert.Equal(5.5 / 6, RankingMetrics.Auc(candidates, new HashSet<int> { 1, 3 }), Digits);
    }

    [Fact]
    public void Auc_IsNaN_WhenOnlyOneClass()
    {
        ScoredItem[] candidates = [new(1, 0.9f), new(2, 0.8f)];
        Assert.True(double.IsNaN(RankingMetrics.Auc(candidates, new HashSet<int> { 1, 2 })));
        Assert.True(double.IsNaN(RankingMetrics.Auc(candidates, new HashSet<int> { 7 })));
    }

    [Fact]
    public void Auc_IsOneOrZero_WhenPerfectOrReversed()
    {
        ScoredItem[] candidates = [new(1, 3f), new(2, 2f), new(3, 1f)];
        Assert.Equal(1, RankingMetrics.Auc(candidates, new HashSet<int> { 1 }));
        Assert.Equal(0, RankingMetrics.Auc(candidates, new HashSet<int> { 3 }));
    }
}
