using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Als;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class AlsModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    // The default λ = 50 is sized for ML-scale data (it is not scaled by the entry count); tiny data needs a small one.
    internal static readonly AlsOptions Tiny = new() { Factors = 4, Iterations = 20, Regularization = 0.05f, Alpha = 1f };

    protected override IRecommender Fit(Dataset train, int seed) =>
        AlsModel.Fit(train, Tiny with { Seed = seed }, OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u4 has no history: the exact solution of eq. 4 with a zero right-hand side is x = 0, so every score is 0 and
        // the tie rule gives the lowest indices.
        Assert.Equal([new(0, 0f), new(1, 0f), new(2, 0f)], model.Recommend(4, 3));

        // i5 has no users, so y5 = 0 for the same reason and it scores exactly 0 for everyone.
        // u2 has {i0, i2}. Of its unseen items, i1 is the only one that shares a user (u1) with i2 as well as users
        // with i0; i3 and i4 each co-occur with i0 and i1 in one user only. So i1 comes first.
        var list = model.Recommend(2, 10);
        Assert.Equal(1, list[0].Item);
        Assert.Contains(new ScoredItem(5, 0f), list);
    }

    [Fact]
    public void Recommend_RanksMissingSameBlockItemFirst_OnBlockData()
    {
        // Each block is J − I (singular values 3, 1, 1, 1). With two factors the best fit keeps the singular value 3 of
        // each block, i.e. the two all-ones blocks, which is block diagonal: other-block scores go to 0, while the
        // missing same-block cell is pulled up by its three co-users. (More factors would let the degenerate
        // singular-value-1 directions of both blocks mix.)
        var data = BlockData.Create();
        var model = AlsModel.Fit(data, Tiny with { Factors = 2, Iterations = 30 }, OneThread);
        for (int u = 0; u < 8; u++)
        {
            var list = model.Recommend(u, 5);
            Assert.Equal(u, list[0].Item);
            Assert.True(list[0].Score > 0.3f, $"user {u}: same-block score {list[0].Score}");
            Assert.All(list.Skip(1), r => Assert.True(Math.Abs(r.Score) < 0.05f, $"user {u}: other-block item {r.Item} scored {r.Score}"));
        }
    }
}
