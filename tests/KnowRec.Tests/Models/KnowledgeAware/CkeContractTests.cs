using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Models;
using KnowRec.Models.KnowledgeAware;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.KnowledgeAware;

public sealed class CkeContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    // Small enough to fit in milliseconds: 11 pairs in batches of 4 (three steps an epoch), 9 graph triples per step.
    // i5 has no rows; it may be drawn as a negative here (ColdNegatives), as in the paper, so the warm answers below hold.
    internal static readonly CkeOptions Tiny = new() { Factors = 8, Epochs = 60, BatchSize = 4, KnowledgeBatchSize = 9, LearningRate = 0.05f, Regularization = 1e-4f, ColdNegatives = true };

    /// <summary>
    /// The graph of <see cref="TinyData"/>'s items: i0, i1, i2 have genre A; i3, i4, i5 genre B; i3 and i5 share
    /// director p. i5 has no training rows, so only the graph can tell the model anything about it.
    /// </summary>
    internal static KnowledgeGraph TinyGraph()
    {
        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < 6; i++)
        {
            b.Link($"i{i}", $"film{i}");
            b.Add($"film{i}", "genre", i < 3 ? "A" : "B");
        }

        b.Add("film3", "director", "p");
        b.Add("film5", "director", "p");
        b.Add("film4", "director", "q");
        return b.Build("tiny-films");
    }

    internal static Dataset WithGraph(Dataset data) => data.Knowledge is null ? data.WithKnowledge(TinyGraph()) : data;

    protected override IRecommender Fit(Dataset train, int seed) => CkeModel.Fit(WithGraph(train), Tiny with { Seed = seed }, OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u4 has no history: its vector is zeroed, so every item scores exactly 0 and ties go to the lower index.
        var cold = model.Recommend(4, 6);
        Assert.Equal([0, 1, 2, 3, 4, 5], cold.Select(r => r.Item));
        Assert.All(cold, r => Assert.Equal(0f, r.Score));

        // u2 has {i0, i2}: i1 is held by every user who holds i0 and shares genre A with both, so it comes first.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);

        // i5 was never seen, so η_5 only moved as a sampled negative and its score comes mostly through e_5, which TransR
        // ties to genre B and director p, both shared with i3. u0 is the only user who holds i3, so i5 scores higher
        // for u0 than for u1 and u2, whose histories are all genre A — a graph-made, user-dependent score, not a constant.
        float forU0 = model.Score(0, 5);
        Assert.True(forU0 > model.Score(1, 5) && forU0 > model.Score(2, 5), $"i5: u0 {forU0}, u1 {model.Score(1, 5)}, u2 {model.Score(2, 5)}");
    }

    [Fact]
    public void Fit_Throws_WhenNoKnowledgeGraphIsAttached()
    {
        var error = Assert.Throws<ArgumentException>(() => CkeModel.Fit(TinyData.Create(), Tiny, OneThread));
        Assert.Contains("--kg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ScoresUnlinkedItemsByTheirOffset()
    {
        // Only i0..i3 linked: i4 (trained, unlinked) must still be scored, from η_4.
        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < 4; i++)
        {
            b.Link($"i{i}", $"film{i}");
            b.Add($"film{i}", "genre", "A");
        }

        var model = CkeModel.Fit(TinyData.Create().WithKnowledge(b.Build("partial")), Tiny, OneThread);
        Assert.NotEqual(0f, model.Score(3, 2));
        Assert.True(model.ItemVector(4).ToArray().Any(v => v != 0f), "a trained unlinked item has a non-zero offset");
    }
}
