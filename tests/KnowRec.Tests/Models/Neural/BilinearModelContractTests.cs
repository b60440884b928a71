using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class BilinearModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    internal static BilinearOptions Tiny(int seed = 42) =>
        new() { Factors = 4, Negatives = 4, Epochs = 100, BatchSize = 16, LearningRate = 0.01f, WeightDecay = 0.01f, Seed = seed };

    protected override IRecommender Fit(Dataset train, int seed) => BilinearModel.Fit(train, Tiny(seed), OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u2 has {i0, i2}: u1 has both and also i1, which is also the most popular item u2 lacks.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);

        // u4 has no history, so u = 0 and its scores are the item biases b_i. A bias rises each time its item is the
        // positive of a BPR pair and falls each time it is the negative: i0 (in every non-empty history, so never a
        // negative) and i1 (3 users, a negative only for u2) lead.
        Assert.Equal([0, 1], model.Recommend(4, 2).Select(r => r.Item).Order());
    }

    [Fact]
    public void Recommend_RanksMissingSameBlockItemFirst_OnBlockData()
    {
        // See BlockData: the missing item of the user's own block shares three co-users with the user's history; an
        // item of the other block is only ever a negative for this user and the user's block mates.
        var model = BilinearModel.Fit(BlockData.Create(), Tiny(), OneThread);
        for (int u = 0; u < 8; u++)
        {
            Assert.Equal(u, model.Recommend(u, 5)[0].Item);
        }
    }
}
