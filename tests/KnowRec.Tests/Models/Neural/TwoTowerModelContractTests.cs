using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class TwoTowerModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    internal static TwoTowerOptions Tiny(int seed = 42) =>
        new() { Factors = 4, Hidden = 8, Negatives = 4, Epochs = 100, BatchSize = 4, LearningRate = 0.01f, WeightDecay = 0.01f, IdDropout = 0.2f, Seed = seed };

    protected override IRecommender Fit(Dataset train, int seed) => TwoTowerModel.Fit(train, Tiny(seed), OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u2 has {i0, i2}: u1 has both and also i1, which is also the most popular item u2 lacks.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);

        // u4 has no history, so it is scored through the "no id" user row, which id dropout trained on rows of every
        // user: it stands for the average user, whose likeliest positive is i0, the item every active user has.
        Assert.Equal(0, model.Recommend(4, 1)[0].Item);
    }
}
