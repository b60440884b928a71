using KnowRec.Data;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class EvaluatorTests
{
    private static readonly EvaluationOptions AtTwo = new() { Cutoffs = [2], Threads = 2 };

    // 3 users × 6 items; every user scores item i as 6 − i, so unseen items rank by index.
    // u0: train {0, 1}, test {2, 5} → ranking [2, 3, 4, 5]; top 2 [2, 3] hits item 2 only.
    // u1: train {0}, no test → not evaluated.
    // u2: train {2}, test {4} → ranking [0, 1, 3, 4, 5]; top 2 [0, 1] misses.
    private static DataSplit Tiny(FeedbackKind feedback = FeedbackKind.Implicit) => SplitBuilder.Build(
        3,
        6,
        SplitBuilder.Rows((0, 0), (0, 1), (1, 0), (2, 2)),
        [new(0, 2, 5f), new(0, 5, 2f), new(2, 4, 1f)],
        feedback);

    private static float[,] ByIndex()
    {
        var scores = new float[3, 6];
        for (int u = 0; u < 3; u++)
        {
            for (int i = 0; i < 6; i++)
            {
                scores[u, i] = 6 - i;
            }
        }

        return scores;
    }

    [Fact]
    public void Evaluate_MatchesHandComputation_OnTinySplit()
    {
        var split = Tiny();
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, ByIndex()), split, AtTwo);

        // u0: P = 1/2, R = 1/2, NDCG = 1 / (1 + 1/log2 3) = 0.613147, AP = 1 / min(2, 2) = 1/2, RR = 1, hit = 1.
        // u2: all 0. Means over the 2 evaluated users:
        Assert.Equal(2, report.Users);
        Assert.Equal(0.25, report.Metrics["precision@2"], 9);
        Assert.Equal(0.25, report.Metrics["recall@2"], 9);
        Assert.Equal(0.613147 / 2, report.Metrics["ndcg@2"], 6);
        Assert.Equal(0.25, report.Metrics["map@2"], 9);
        Assert.Equal(0.5, report.Metrics["mrr@2"], 9);
        Assert.Equal(0.5, report.Metrics["hit@2"], 9);

        // AUC u0: candidates [2, 3, 4, 5], relevant {2, 5}: 2 beats 3, 4; 5 beats neither → 2/4.
        // AUC u2: candidates [0, 1, 3, 4, 5], relevant {4}: beats only 5 → 1/4. Mean 0.375.
        Assert.Equal(0.375, report.Metrics["auc"], 9);

        // Top-2 lists [2, 3] and [0, 1]: 4 of 6 items.
        Assert.Equal(4.0 / 6, report.Metrics["coverage@2"], 9);
    }

    [Fact]
    public void Evaluate_ExcludesTrainItems_FromRankings()
    {
        // Were u0's train items 0 and 1 ranked, its top 2 would be [0, 1] with no hit, and precision@2 would be 0.
        var split = Tiny();
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, ByIndex()), split, AtTwo);
        Assert.Equal(0.25, report.Metrics["precision@2"], 9);
    }

    [Fact]
    public void Evaluate_Throws_WhenModelReturnsTrainItems()
    {
        // A model that saw no training rows cannot leave the split's train items out.
        var split = Tiny();
        var blind = new FixedScoreRecommender(split.Train.Users, split.Train.Items, InteractionMatrix.FromEntries(3, 6, []), ByIndex());
        Assert.Throws<InvalidOperationException>(() => Evaluator.Evaluate(blind, split, AtTwo));
    }

    [Fact]
    public void Evaluate_SkipsUsers_WithoutRelevantTestItems()
    {
        // Threshold 2 drops u2's only test row (value 1), leaving u0 alone: P@2 = 1/2, hit = 1.
        var split = Tiny(FeedbackKind.Explicit);
        var options = AtTwo with { RelevanceThreshold = 2f };
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, ByIndex()), split, options);
        Assert.Equal(1, report.Users);
        Assert.Equal(0.5, report.Metrics["precision@2"], 9);
        Assert.Equal(1, report.Metrics["hit@2"], 9);
    }

    [Fact]
    public void Evaluate_IgnoresTestRows_ThatAreAlsoInTrain()
    {
        // u1's only test row (item 0) is in its train part: rankings leave it out, so it can never be hit and u1 is not
        // evaluated; u0 and u2 give the same means as in the hand-computed case.
        var split = SplitBuilder.Build(
            3,
            6,
            SplitBuilder.Rows((0, 0), (0, 1), (1, 0), (2, 2)),
            SplitBuilder.Rows((0, 2), (0, 5), (1, 0), (2, 4)));
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, ByIndex()), split, AtTwo);
        Assert.Equal(2, report.Users);
        Assert.Equal(0.25, report.Metrics["precision@2"], 9);
    }

    [Fact]
    public void Evaluate_Throws_WhenModelCatalogueDiffers()
    {
        var split = Tiny();
        var other = SplitBuilder.Build(3, 5, SplitBuilder.Rows((0, 0)), []);
        var model = FixedScoreRecommender.For(other, new float[3, 5]);
        var error = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(model, split, AtTwo));
        Assert.Equal("model", error.ParamName);
    }

    [Fact]
    public void Evaluate_ReportsRatingMetrics_OnlyForExplicitDataByDefault()
    {
        // Scores 4, 1, 2 against ratings 5, 2, 1: errors 1, 1, 1 → RMSE = MAE = 1.
        var explicitSplit = Tiny(FeedbackKind.Explicit);
        var explicitReport = Evaluator.Evaluate(FixedScoreRecommender.For(explicitSplit, ByIndex()), explicitSplit, AtTwo);
        Assert.Equal(1, explicitReport.Metrics["rmse"], 6);
        Assert.Equal(1, explicitReport.Metrics["mae"], 6);

        var implicitSplit = Tiny();
        var model = FixedScoreRecommender.For(implicitSplit, ByIndex());
        Assert.False(Evaluator.Evaluate(model, implicitSplit, AtTwo).Metrics.ContainsKey("rmse"));
        Assert.True(Evaluator.Evaluate(model, implicitSplit, AtTwo with { ComputeRatingMetrics = true }).Metrics.ContainsKey("rmse"));
    }

    [Fact]
    public void Evaluate_OrdersKeysAndFillsContext_ForSeveralCutoffs()
    {
        var split = Tiny();
        var options = AtTwo with { Cutoffs = [1, 3] };
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, ByIndex()), split, options);
        string[] expected =
        [
            "precision@1", "recall@1", "ndcg@1", "map@1", "mrr@1", "hit@1",
            "precision@3", "recall@3", "ndcg@3", "map@3", "mrr@3", "hit@3",
            "auc", "coverage@1", "gini@1", "novelty@1", "coverage@3", "gini@3", "novelty@3",
        ];
        Assert.Equal(expected, report.Metrics.Keys);
        Assert.Equal("tiny", report.Dataset);
        Assert.Equal("fixed", report.Model);
        Assert.Equal("holdout/full", report.Protocol);
        Assert.Equal((6, 4, 3), (report.Items, report.Train, report.Test));
        Assert.Equal("fixed", report.Options["table"].GetString());
        Assert.True(report.EvaluateSeconds > 0);
    }

    [Fact]
    public void Evaluate_LeavesOutAuc_WhenTurnedOff()
    {
        var split = Tiny();
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, ByIndex()), split, AtTwo with { ComputeAuc = false });
        Assert.False(report.Metrics.ContainsKey("auc"));
        Assert.Equal(0.25, report.Metrics["precision@2"], 9);
    }

    [Fact]
    public void Evaluate_Throws_WhenOptionsInvalidOrNothingToEvaluate()
    {
        var split = Tiny();
        var model = FixedScoreRecommender.For(split, ByIndex());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(model, split, AtTwo with { Cutoffs = [0] }));
        Assert.Equal("Cutoffs", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(model, split, AtTwo with { SampledNegatives = 0 }));
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(model, split, AtTwo with { RelevanceThreshold = 10f }));
    }

    [Fact]
    public void Evaluate_Stops_WhenCancelled()
    {
        var split = Tiny();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(
            () => Evaluator.Evaluate(FixedScoreRecommender.For(split, ByIndex()), split, AtTwo, cancelled.Token));
    }
}
