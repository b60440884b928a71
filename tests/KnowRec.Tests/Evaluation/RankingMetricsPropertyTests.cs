using KnowRec.Evaluation;
using KnowRec.Models;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class RankingMetricsPropertyTests
{
    private const int Trials = 2000;
    private const double Tolerance = 1e-12;

    [Fact]
    public void Metrics_StayInUnitInterval_OnRandomRankings()
    {
        var random = new Random(7);
        for (int trial = 0; trial < Trials; trial++)
        {
            var (ranked, relevant, k) = RandomCase(random);
            foreach (double value in All(ranked, relevant, k))
            {
                Assert.InRange(value, 0, 1);
            }
        }
    }

    [Fact]
    public void PrecisionTimesK_EqualsRecallTimesTestSize_EqualsHits()
    {
        var random = new Random(11);
        for (int trial = 0; trial < Trials; trial++)
        {
            var (ranked, relevant, k) = RandomCase(random);
            int hits = RankingMetrics.Hits(ranked, relevant, k);
            Assert.Equal(hits, RankingMetrics.Precision(ranked, relevant, k) * k, Tolerance);
            Assert.Equal(hits, RankingMetrics.Recall(ranked, relevant, k) * relevant.Count, Tolerance);
            Assert.Equal(hits > 0 ? 1 : 0, RankingMetrics.HitRate(ranked, relevant, k));
        }
    }

    [Fact]
    public void NdcgAndAp_AreOne_ExactlyWhenHitsFillTheIdealPrefix()
    {
        var random = new Random(13);
        int filled = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            var (ranked, relevant, k) = RandomCase(random);

            // The ideal list puts relevant items in all of its first min(K, |T|) slots.
            int prefix = Math.Min(k, relevant.Count);
            bool ideal = ranked.Length >= prefix && ranked.Take(prefix).All(relevant.Contains);
            filled += ideal ? 1 : 0;
            Assert.Equal(ideal, Math.Abs(RankingMetrics.Ndcg(ranked, relevant, k) - 1) < 1e-9);
            Assert.Equal(ideal, Math.Abs(RankingMetrics.AveragePrecision(ranked, relevant, k) - 1) < 1e-9);
        }

        // Guard against a generator that never produces the interesting case.
        Assert.InRange(filled, 20, Trials - 20);
    }

    [Fact]
    public void Auc_EqualsPairCount_OnRandomScores()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = random.Next(2, 40);
            var candidates = Enumerable.Range(0, n).Select(i => new ScoredItem(i, random.Next(0, 8))).ToArray();
            var relevant = Enumerable.Range(0, n).Where(_ => random.Next(3) == 0).ToHashSet();
            double correct = 0;
            int pairs = 0;
            foreach (var p in candidates.Where(c => relevant.Contains(c.Item)))
            {
                foreach (var q in candidates.Where(c => !relevant.Contains(c.Item)))
                {
                    pairs++;
                    correct += p.Score > q.Score ? 1 : p.Score == q.Score ? 0.5 : 0;
                }
            }

            double auc = RankingMetrics.Auc(candidates, relevant);
            if (pairs == 0)
            {
                Assert.True(double.IsNaN(auc));
            }
            else
            {
                Assert.Equal(correct / pairs, auc, Tolerance);
                Assert.InRange(auc, 0, 1);
            }
        }
    }

    private static double[] All(int[] ranked, HashSet<int> relevant, int k) =>
    [
        RankingMetrics.Precision(ranked, relevant, k),
        RankingMetrics.Recall(ranked, relevant, k),
        RankingMetrics.Ndcg(ranked, relevant, k),
        RankingMetrics.AveragePrecision(ranked, relevant, k),
        RankingMetrics.ReciprocalRank(ranked, relevant, k),
        RankingMetrics.HitRate(ranked, relevant, k),
    ];

    // A random permutation prefix of a 20-item catalogue (possibly shorter than K), a non-empty relevant set and K.
    private static (int[] Ranked, HashSet<int> Relevant, int K) RandomCase(Random random)
    {
        const int Catalogue = 20;
        int[] ranked = [.. Enumerable.Range(0, Catalogue).OrderBy(_ => random.Next()).Take(random.Next(0, Catalogue + 1))];
        int size = random.Next(1, 8);
        var relevant = Enumerable.Range(0, Catalogue).OrderBy(_ => random.Next()).Take(size).ToHashSet();
        return (ranked, relevant, random.Next(1, 12));
    }
}
