using KnowRec.Data;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public sealed class ColdPoolEvaluationTests
{
    // 2 users × 6 items. Items 0–2 are warm (train rows); 3–5 are cold (no train row at all).
    // Scores: warm items score 10 − i (always above every cold item), cold item i scores i, so among cold items 5 > 4 > 3.
    // u0 (train {0, 2}) test {5}: catalogue ranking [1, 5, 4, 3] puts 5 second; cold pool ranking [5, 4, 3] puts it first.
    // u1 (train {1}) test {3}: catalogue ranking [0, 2, 5, 4, 3] puts 3 fifth; cold pool ranking [5, 4, 3] puts it third.
    private static DataSplit Split(string protocol)
    {
        var split = SplitBuilder.Build(2, 6, SplitBuilder.Rows((0, 0), (1, 1), (0, 2)), SplitBuilder.Rows((0, 5), (1, 3)));
        return split with { Protocol = protocol };
    }

    private static float[,] Scores()
    {
        var scores = new float[2, 6];
        for (int u = 0; u < 2; u++)
        {
            for (int i = 0; i < 6; i++)
            {
                scores[u, i] = i < 3 ? 10 - i : i;
            }
        }

        return scores;
    }

    [Fact]
    public void Evaluate_ColdItemsSplit_RanksOnlyItemsWithoutTrainingRows()
    {
        var split = Split("cold-items");
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, Scores()), split, new EvaluationOptions { Cutoffs = [1, 3] });
        Assert.Equal("cold-items/cold-pool-3", report.Protocol);
        Assert.Equal(0.5, report.Metrics["recall@1"], 12);
        Assert.Equal((1 + (1 / 3.0)) / 2, report.Metrics["mrr@3"], 12);
        Assert.Equal(1.0 / 3, report.Metrics["coverage@1"], 12);
        Assert.Equal(1.0, report.Metrics["coverage@3"], 12);
        Assert.False(report.Metrics.ContainsKey("novelty@3"));

        // AUC over the pool: u0's item beats both others (1), u1's item beats none (0).
        Assert.Equal(0.5, report.Metrics["auc"], 12);
    }

    [Fact]
    public void Evaluate_CatalogueWhenAsked_RanksColdItemsBehindWarmOnes()
    {
        var split = Split("cold-items");
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, Scores()), split, new EvaluationOptions { Cutoffs = [3], Pool = RankingPool.Catalogue });
        Assert.Equal("cold-items/full", report.Protocol);
        Assert.Equal(0.5, report.Metrics["recall@3"], 12);
        Assert.Equal((1 / 2.0) / 2, report.Metrics["mrr@3"], 12);
    }

    [Fact]
    public void Evaluate_OtherProtocols_KeepTheCatalogueUnlessTheColdPoolIsAsked()
    {
        var split = Split("holdout");
        var full = Evaluator.Evaluate(FixedScoreRecommender.For(split, Scores()), split, new EvaluationOptions { Cutoffs = [1] });
        Assert.Equal("holdout/full", full.Protocol);
        var cold = Evaluator.Evaluate(FixedScoreRecommender.For(split, Scores()), split, new EvaluationOptions { Cutoffs = [1], Pool = RankingPool.ColdItems });
        Assert.Equal("holdout/cold-pool-3", cold.Protocol);
    }

    [Fact]
    public void Evaluate_ColdPoolWithSampledNegatives_IsRejected()
    {
        var split = Split("cold-items");
        var error = Assert.Throws<ArgumentException>(() =>
            Evaluator.Evaluate(FixedScoreRecommender.For(split, Scores()), split, new EvaluationOptions { SampledNegatives = 2 }));
        Assert.Contains("cold", error.Message, StringComparison.Ordinal);
    }
}
