using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class SampledEvaluationTests
{
    private static readonly EvaluationOptions Sampled = new() { Cutoffs = [5, 10], SampledNegatives = 20, Seed = 9, Threads = 3 };

    [Fact]
    public void Evaluate_NamesSampledProtocol_AndSkipsCatalogueMetrics()
    {
        var (split, scores) = SplitBuilder.Random(50, 200, seed: 21);
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, scores), split, Sampled with { SampledNegatives = 100 });
        Assert.Equal("holdout/sampled-100", report.Protocol);
        Assert.Contains("hit@10", report.Metrics.Keys);
        Assert.Contains("auc", report.Metrics.Keys);
        Assert.DoesNotContain("coverage@10", report.Metrics.Keys);
    }

    [Fact]
    public void Evaluate_IsDeterministic_BySeed()
    {
        var (split, scores) = SplitBuilder.Random(50, 200, seed: 22);
        var model = FixedScoreRecommender.For(split, scores);
        var first = Evaluator.Evaluate(model, split, Sampled);
        var again = Evaluator.Evaluate(model, split, Sampled with { Threads = 1 });
        var other = Evaluator.Evaluate(model, split, Sampled with { Seed = 10 });
        Assert.Equal(first.Metrics, again.Metrics);
        Assert.NotEqual(first.Metrics["ndcg@10"], other.Metrics["ndcg@10"]);
    }

    [Fact]
    public void Evaluate_RanksEachTestItem_AgainstNegativesOutsideTrainAndTest()
    {
        var (split, scores) = SplitBuilder.Random(50, 200, seed: 23);
        var recording = new RecordingRecommender(FixedScoreRecommender.For(split, scores));
        Evaluator.Evaluate(recording, split, Sampled);

        var test = split.Test.Interactions.Select(r => (r.User, r.Item)).ToHashSet();
        var train = split.Train.Interactions.Select(r => (r.User, r.Item)).ToHashSet();
        Assert.Equal(test.Count, recording.CandidateRequests.Count);
        foreach (var (user, candidates) in recording.CandidateRequests)
        {
            // The test item first, then 20 distinct negatives the user has in neither part.
            Assert.Contains((user, candidates[0]), test);
            Assert.Equal(21, candidates.Distinct().Count());
            Assert.All(candidates.Skip(1), item => Assert.False(test.Contains((user, item)) || train.Contains((user, item))));
        }
    }

    [Fact]
    public void Evaluate_MatchesHandComputation_WhenNegativesExhaustCatalogue()
    {
        // 1 user × 5 items, train {0}, test {3}: only items 1, 2, 4 are negatives, so all are drawn.
        // Scores by index 5 − i rank [1, 2, 3, 4]: the test item is 3rd. hit@2 = 0, hit@5 = 1, MRR@5 = 1/3,
        // NDCG@5 = 1/log2(4) = 0.5, P@5 = 1/5, AUC = 1 of 3 negatives (item 4) below → 1/3.
        var split = SplitBuilder.Build(1, 5, SplitBuilder.Rows((0, 0)), SplitBuilder.Rows((0, 3)));
        var scores = new float[1, 5];
        for (int i = 0; i < 5; i++)
        {
            scores[0, i] = 5 - i;
        }

        var options = new EvaluationOptions { Cutoffs = [2, 5], SampledNegatives = 10 };
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, scores), split, options);
        Assert.Equal(0, report.Metrics["hit@2"]);
        Assert.Equal(1, report.Metrics["hit@5"]);
        Assert.Equal(1.0 / 3, report.Metrics["mrr@5"], 9);
        Assert.Equal(0.5, report.Metrics["ndcg@5"], 9);
        Assert.Equal(0.2, report.Metrics["precision@5"], 9);
        Assert.Equal(1.0 / 3, report.Metrics["auc"], 9);
    }
}
