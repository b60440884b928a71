using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Bpr;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class BprModelContractTests : RecommenderContractTests
{
    // One thread: the fit is then exactly repeatable for a seed (more threads update shared factors Hogwild-style).
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    protected override IRecommender Fit(Dataset train, int seed) =>
        BprModel.Fit(train, new BprOptions { Factors = 8, Epochs = 200, LearningRate = 0.1f, Seed = seed }, OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u4 has no history, so its factors are 0 and it gets the item-bias order. A bias grows each time its item is
        // the positive of a triple and shrinks each time it is the negative. i0 is in every non-empty history, so it is
        // never a negative; i5 is in none, so it is only ever a negative. i1 (3 users, a negative only for u2) is next.
        var cold = model.Recommend(4, 6);
        Assert.Equal([0, 1], cold.Take(2).Select(r => r.Item));
        Assert.Equal(5, cold[^1].Item);

        // u2 has {i0, i2}: i1 co-occurs with both (u1 has i0, i1, i2) and is the most popular unseen item.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);
    }

    [Fact]
    public void Recommend_RanksMissingSameBlockItemFirst_OnBlockData()
    {
        // See BlockData: the missing item of the user's own block shares three co-users with the user's history; an
        // item of the other block is only ever a negative for this user and the user's block mates.
        var data = BlockData.Create();
        var model = BprModel.Fit(data, new BprOptions { Factors = 4, Epochs = 200, LearningRate = 0.1f }, OneThread);
        for (int u = 0; u < 8; u++)
        {
            Assert.Equal(u, model.Recommend(u, 5)[0].Item);
        }
    }
}
