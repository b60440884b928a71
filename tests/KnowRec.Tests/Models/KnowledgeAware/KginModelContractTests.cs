using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.KnowledgeAware;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.KnowledgeAware;

public sealed class KginModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    // Milliseconds: 11 pairs in batches of 4 per epoch; no dropout so the tiny graph is not torn apart.
    internal static readonly KginOptions Tiny = new() { Factors = 8, Layers = 2, Intents = 2, Epochs = 40, BatchSize = 4, LearningRate = 0.05f, Dropout = 0f };

    protected override IRecommender Fit(Dataset train, int seed) => KginModel.Fit(TinyKnowledge.Attach(train), Tiny with { Seed = seed }, OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u4 has no history: its representation is zeroed, so every item scores exactly 0 and ties go to the lower index.
        var cold = model.Recommend(4, 6);
        Assert.Equal([0, 1, 2, 3, 4, 5], cold.Select(r => r.Item));
        Assert.All(cold, r => Assert.Equal(0f, r.Score));

        // u2 has {i0, i2}. i1 is held by u1 together with both and by u0 and u3 together with i0, so BPR pulls it
        // towards every user whose history resembles u2's; it also shares the comedy genre with i0 and director d1 with
        // i2, so its knowledge aggregation is closest to those of u2's items. i3, i4, i5 each share one genre only.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);
    }

    [Fact]
    public void Recommend_RanksMissingSameBlockItemFirst_OnBlockData()
    {
        // BlockData's two blocks share no user, and its genres follow the blocks, so nothing joins the blocks but the cold items.
        var model = KginModel.Fit(TinyKnowledge.BlocksWithColdItems(), Tiny with { BatchSize = 8 }, OneThread);
        for (int u = 0; u < 8; u++)
        {
            Assert.Equal(u, model.Recommend(u, 5, new RecommendOptions { Candidates = [.. Enumerable.Range(0, 8)] })[0].Item);
        }
    }
}
