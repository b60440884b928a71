using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.KnowledgeAware;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.KnowledgeAware;

public sealed class KgatModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    // Milliseconds: 11 pairs in batches of 4 and 38 graph edges in batches of 16 per epoch; no dropout so tiny graphs are not torn apart.
    internal static readonly KgatOptions Tiny = new()
    {
        Factors = 8,
        RelationFactors = 8,
        LayerSizes = "8,4",
        Epochs = 40,
        BatchSize = 4,
        KnowledgeBatchSize = 16,
        LearningRate = 0.05f,
        Dropout = 0f,

        // Uniform negatives: on a six-item catalogue the hardest of several unseen draws is mostly the item to be found.
        NegativeCandidates = 1,
    };

    protected override IRecommender Fit(Dataset train, int seed) => KgatModel.Fit(TinyKnowledge.Attach(train), Tiny with { Seed = seed }, OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u4 has no history: its representation is zeroed, so every item scores exactly 0 and ties go to the lower index.
        var cold = model.Recommend(4, 6);
        Assert.Equal([0, 1, 2, 3, 4, 5], cold.Select(r => r.Item));
        Assert.All(cold, r => Assert.Equal(0f, r.Score));

        // u2 has {i0, i2}. i1 is held by u1 together with both, by u0 and u3 together with i0, shares the comedy genre
        // with i0 and director d1 with i2: every path of the collaborative knowledge graph points at it. i3, i4 and i5
        // reach u2 only through one genre or through i0 and one other user.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);
    }

    [Fact]
    public void Recommend_RanksMissingSameBlockItemFirst_OnBlockData()
    {
        // BlockData's two blocks share no user, and its genres follow the blocks, so nothing joins the blocks but the cold items.
        var model = KgatModel.Fit(TinyKnowledge.BlocksWithColdItems(), Tiny with { BatchSize = 8 }, OneThread);
        for (int u = 0; u < 8; u++)
        {
            Assert.Equal(u, model.Recommend(u, 5, new RecommendOptions { Candidates = [.. Enumerable.Range(0, 8)] })[0].Item);
        }
    }
}
