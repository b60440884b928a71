using KnowRec.Knowledge;
using KnowRec.Knowledge.Embeddings;
using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Knowledge.Embeddings;

public sealed class LinkPredictionTests
{
    /// <summary>Scores each entity by a fixed table, whatever the query.</summary>
    private sealed class FixedScores(float[] scores) : ILinkPredictor
    {
        public int Entities => scores.Length;

        public void ScoreCandidates(int relation, ReadOnlySpan<int> anchors, bool tails, Span<float> output)
        {
            for (int a = 0; a < anchors.Length; a++)
            {
                scores.CopyTo(output.Slice(a * scores.Length, scores.Length));
            }
        }
    }

    private static KnowledgeGraph Graph()
    {
        // Entities x, a, b, c, d (indices 0..4). Known: (x r a), (x r b), (c r x).
        var builder = new KnowledgeGraphBuilder();
        foreach (string e in new[] { "x", "a", "b", "c", "d" })
        {
            builder.Entity(e);
        }

        builder.Add("x", "r", "a");
        builder.Add("x", "r", "b");
        builder.Add("c", "r", "x");
        return builder.Build("hand");
    }

    [Fact]
    public void Evaluate_FiltersOtherKnownAnswers_AndRanksBothSides()
    {
        // Scores x 5, a 1, b 4, c 3, d 2. Query (x, r, ?) for a: b (4), c (3), d (2) and x (5) score higher, but b is a
        // known tail of (x, r), so it is filtered: rank 4. Query (?, r, a) for x: nothing scores above 5: rank 1.
        var graph = Graph();
        var report = LinkPredictionEvaluator.Evaluate(new FixedScores([5, 1, 4, 3, 2]), graph, [new Triple(0, 0, 1)]);

        Assert.Equal(2, report.Queries);
        Assert.Equal((1 / 4.0 + 1) / 2, report.MeanReciprocalRank, 12);
        Assert.Equal(2.5, report.MeanRank, 12);
        Assert.Equal(0.5, report.HitsAt1, 12);
        Assert.Equal(0.5, report.HitsAt3, 12);
        Assert.Equal(1, report.HitsAt10, 12);
    }

    [Fact]
    public void Evaluate_AveragesOverTies_SoAConstantScorerGetsChance()
    {
        // Every score equal: the tail of (x, r, a) ties with x, c, d (b is filtered): expected rank 1 + 3/2, 1/rank
        // averaged over ranks 1..4 = (1 + 1/2 + 1/3 + 1/4)/4, P(rank ≤ 1) = 1/4, P(rank ≤ 3) = 3/4. The head query of the same
        // triple ties with all 4 others (none filtered: (?, r, a) has only x): ranks 1..5.
        var report = LinkPredictionEvaluator.Evaluate(new FixedScores([1, 1, 1, 1, 1]), Graph(), [new Triple(0, 0, 1)]);

        double tailMrr = (1 + (1 / 2.0) + (1 / 3.0) + (1 / 4.0)) / 4, headMrr = (1 + (1 / 2.0) + (1 / 3.0) + (1 / 4.0) + (1 / 5.0)) / 5;
        Assert.Equal((tailMrr + headMrr) / 2, report.MeanReciprocalRank, 12);
        Assert.Equal((2.5 + 3) / 2, report.MeanRank, 12);
        Assert.Equal(((1 / 4.0) + (1 / 5.0)) / 2, report.HitsAt1, 12);
        Assert.Equal(((3 / 4.0) + (3 / 5.0)) / 2, report.HitsAt3, 12);
    }

    [Fact]
    public void Evaluate_MatchesBruteForceRanks_WithLargeTieGroups()
    {
        // 200 entities with scores in 3 levels: the harmonic-number shortcut must equal the explicit average of 1/rank.
        var builder = new KnowledgeGraphBuilder();
        for (int e = 0; e < 200; e++)
        {
            builder.Entity($"e{e}");
        }

        builder.Add("e0", "r", "e150");
        var graph = builder.Build("ties");
        var scores = Enumerable.Range(0, 200).Select(e => (float)(e / 70)).ToArray();
        var report = LinkPredictionEvaluator.Evaluate(new FixedScores(scores), graph, [new Triple(0, 0, 150)]);

        // Tail 150 (level 2, entities 140..199): 0 better, 59 ties → ranks 1..60. Head 0 (level 0): 130 better, 69 ties → ranks 131..200.
        double tail = Enumerable.Range(1, 60).Average(r => 1.0 / r), head = Enumerable.Range(131, 70).Average(r => 1.0 / r);
        Assert.Equal((tail + head) / 2, report.MeanReciprocalRank, 10);
    }

    [Fact]
    public void RelationPopularity_ScoresByTrainingCounts_PerSide()
    {
        var triples = new[] { new Triple(0, 0, 1), new Triple(2, 0, 1), new Triple(2, 0, 3), new Triple(1, 1, 3) };
        var popularity = new RelationPopularity(4, 2, triples);
        var scores = new float[8];
        popularity.ScoreCandidates(0, [0, 3], tails: true, scores);
        Assert.Equal([0f, 2f, 0f, 1f, 0f, 2f, 0f, 1f], scores);
        popularity.ScoreCandidates(0, [1, 1], tails: false, scores);
        Assert.Equal([1f, 0f, 2f, 0f, 1f, 0f, 2f, 0f], scores);
    }

    [Fact]
    public void Split_HoldsOutTheSharesAsked_WithEveryHeldOutEntityInTraining()
    {
        var graph = TestGraphs.Films(120);
        var split = LinkPredictionSplit.Create(graph, 0.1, 0.05, seed: 5);
        var seen = split.Train.SelectMany(t => new[] { t.Head, t.Tail }).ToHashSet();

        Assert.Equal(36, split.Test.Count);
        Assert.Equal(18, split.Validation.Count);
        Assert.Equal(graph.Triples.Count, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.Equal(graph.Triples.OrderBy(t => t.Head).ThenBy(t => t.Relation).ThenBy(t => t.Tail), split.Train.Concat(split.Validation).Concat(split.Test).OrderBy(t => t.Head).ThenBy(t => t.Relation).ThenBy(t => t.Tail));
        Assert.All(split.Test.Concat(split.Validation), t => Assert.True(seen.Contains(t.Head) && seen.Contains(t.Tail), $"{t} has an entity unseen in training"));
    }

    [Fact]
    public void Split_IsSeeded_AndKeepsItsTestSetWhateverTheValidationShare()
    {
        var graph = TestGraphs.Films(60);
        var a = LinkPredictionSplit.Create(graph, 0.1, 0, seed: 9);
        var b = LinkPredictionSplit.Create(graph, 0.1, 0.1, seed: 9);
        var c = LinkPredictionSplit.Create(graph, 0.1, 0, seed: 10);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Fact]
    public void Split_HoldsOutNothing_WhenEveryEntityHasOneTriple()
    {
        var builder = new KnowledgeGraphBuilder();
        builder.Add("a", "r", "b");
        builder.Add("c", "r", "d");
        var split = LinkPredictionSplit.Create(builder.Build("sparse"), 0.5);
        Assert.Empty(split.Test);
        Assert.Equal(2, split.Train.Count);
    }

    [Theory]
    [InlineData(-0.1, 0)]
    [InlineData(1, 0)]
    [InlineData(0.6, 0.5)]
    public void Split_RejectsBadShares(double test, double validation) =>
        Assert.Throws<ArgumentException>(() => LinkPredictionSplit.Create(TestGraphs.Films(6), test, validation));

    [Fact]
    public void Corruptor_UsesBernoulliHeadProbability_AndAvoidsKnownTriples()
    {
        // Relation 0: one head with 3 tails (tph 3, hpt 1) → replace the head with probability 3/4. With 40 entities a
        // known corruption survives 11 draws with probability (3/40)^11, so none should appear.
        var triples = new[] { new Triple(0, 0, 1), new Triple(0, 0, 2), new Triple(0, 0, 3) };
        var corruptor = new TripleCorruptor(triples, 40, 1, CorruptionSampling.Bernoulli);
        Assert.Equal(0.75f, corruptor.HeadProbability(0));
        Assert.Equal(0.5f, new TripleCorruptor(triples, 40, 1, CorruptionSampling.Uniform).HeadProbability(0));

        var random = new SplitMix64(1);
        int heads = 0;
        for (int i = 0; i < 4000; i++)
        {
            var (h, t) = corruptor.Corrupt(0, 0, 1, ref random);
            Assert.False(corruptor.IsKnown(h, 0, t));
            heads += t == 1 ? 1 : 0;
        }

        Assert.InRange(heads / 4000.0, 0.72, 0.78);
    }
}
