using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Graph;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Graph;

public sealed class LightGcnModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    // Small enough to fit in milliseconds: 11 pairs in batches of 4, so each epoch takes three Adam steps.
    internal static readonly LightGcnOptions Tiny = new() { Factors = 8, Layers = 2, Epochs = 60, BatchSize = 4, LearningRate = 0.05f };

    protected override IRecommender Fit(Dataset train, int seed) => LightGcnModel.Fit(train, Tiny with { Seed = seed }, OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u4 has no history: its embedding is zeroed, so every item scores exactly 0 and ties go to the lower index.
        var cold = model.Recommend(4, 6);
        Assert.Equal([0, 1, 2, 3, 4, 5], cold.Select(r => r.Item));
        Assert.All(cold, r => Assert.Equal(0f, r.Score));

        // u2 has {i0, i2}. i1 is two hops from both (u1 has i0, i1, i2; u0 and u3 have i0 and i1), so propagation pulls
        // e_u2 towards it; i3 and i4 each reach u2 only through i0 and one other user.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);

        // i5 has no edges: no propagation path reaches it and it is only ever a sampled negative. For u0, u1 and u3
        // every other unseen item is held by a user who shares two items with them (u0 lacks i2 of u1 and i4 of u3;
        // u1 lacks i3 of u0 and i4 of u3; u3 lacks i2 of u1 and i3 of u0), so i5 comes last. (u2 is left out: it shares
        // only i0 with the holders of i3 and i4, which may then fall below i5.)
        foreach (int u in new[] { 0, 1, 3 })
        {
            Assert.Equal(5, model.Recommend(u, 10)[^1].Item);
        }
    }

    [Fact]
    public void Recommend_RanksMissingSameBlockItemFirst_OnBlockData()
    {
        // See BlockData: the two blocks are separate components of the graph, so propagation never mixes them, and
        // the user's missing same-block item is two hops away through three co-users.
        var model = LightGcnModel.Fit(BlockData.Create(), Tiny with { BatchSize = 8 }, OneThread);
        for (int u = 0; u < 8; u++)
        {
            Assert.Equal(u, model.Recommend(u, 5)[0].Item);
        }
    }
}
