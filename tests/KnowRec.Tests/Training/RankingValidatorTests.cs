using KnowRec.Data;
using KnowRec.Evaluation;
using KnowRec.Tests.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Training;

public sealed class RankingValidatorTests
{
    private static readonly float[,] HandScores =
    {
        { 9f, 1f, 2f, 8f, 3f },
        { 0.5f, 9f, 9f, 0.1f, 0.7f },
        { 1f, 2f, 3f, 4f, 5f },
        { 1f, 2f, 3f, 4f, 5f },
    };

    // User 0: train {0}, validation {3}. User 1: train {1, 2}, validation {0, 3}. User 2: nothing to validate.
    // User 3: its only validation item is also in train, so it is not evaluated (as in Evaluator).
    private static DataSplit HandSplit() => SplitBuilder.Build(
        4,
        5,
        SplitBuilder.Rows((0, 0), (1, 1), (1, 2), (2, 4), (3, 1)),
        SplitBuilder.Rows((0, 3), (1, 0), (1, 3), (3, 1)));

    private static BatchScorer ScoresOf(float[,] table) => (users, scores) =>
    {
        int items = table.GetLength(1);
        for (int j = 0; j < users.Length; j++)
        {
            for (int i = 0; i < items; i++)
            {
                scores[(j * items) + i] = table[users[j], i];
            }
        }
    };

    [Fact]
    public void Ndcg_MatchesHandComputedValue()
    {
        // User 0 ranks 3, 4, 2, 1 (item 0 is in train): the validation item is first, NDCG 1.
        // User 1 ranks 4, 0, 3: hits at ranks 2 and 3, DCG = 1/log2 3 + 1/log2 4, IDCG = 1 + 1/log2 3.
        double user1 = ((1 / Math.Log2(3)) + 0.5) / (1 + (1 / Math.Log2(3)));
        var validator = new RankingValidator(HandSplit());
        Assert.Equal(2, validator.Users);
        Assert.Equal((1 + user1) / 2, validator.Ndcg(ScoresOf(HandScores)), 12);

        // At K = 1 user 0 hits and user 1 does not.
        Assert.Equal(0.5, new RankingValidator(HandSplit(), cutoff: 1).Ndcg(ScoresOf(HandScores)), 12);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 7)]
    [InlineData(5, 256)]
    public void Ndcg_MatchesTheEvaluator_OnRandomSplits(int seed, int batchSize)
    {
        var (split, scores) = SplitBuilder.Random(60, 45, seed);
        var model = FixedScoreRecommender.For(split, scores);
        var report = Evaluator.Evaluate(model, split, new EvaluationOptions { Threads = 1 });
        var validator = new RankingValidator(split, 10, batchSize);
        Assert.Equal(report.Users, validator.Users);
        Assert.Equal(report.Metrics["ndcg@10"], validator.Ndcg(ScoresOf(scores)), 12);
    }

    [Fact]
    public void Ndcg_ScoresUsersInBatchesOfAtMostBatchSize()
    {
        var (split, scores) = SplitBuilder.Random(50, 20, seed: 9);
        var validator = new RankingValidator(split, batchSize: 8);
        var seen = new List<int>();
        var inner = ScoresOf(scores);
        validator.Ndcg((users, buffer) =>
        {
            Assert.InRange(users.Length, 1, 8);
            Assert.Equal(users.Length * 20, buffer.Length);
            seen.AddRange(users.ToArray());
            inner(users, buffer);
        });
        Assert.Equal(validator.Users, seen.Count);
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public void Ndcg_IsNaN_WhenNoUserHasAValidationItem()
    {
        var split = SplitBuilder.Build(2, 3, SplitBuilder.Rows((0, 0)), []);
        var validator = new RankingValidator(split);
        Assert.Equal(0, validator.Users);
        Assert.True(double.IsNaN(validator.Ndcg((_, _) => Assert.Fail("no user to score"))));
    }

    [Fact]
    public void Constructor_RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingValidator(HandSplit(), cutoff: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingValidator(HandSplit(), batchSize: 0));
        Assert.Throws<ArgumentNullException>(() => new RankingValidator(null!));
    }
}
