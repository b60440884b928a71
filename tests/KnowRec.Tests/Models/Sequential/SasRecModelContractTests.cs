using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Sequential;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Sequential;

public sealed class SasRecModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    // Small and fast: windows of 4, one block, no dropout, a large step so 100 short epochs converge.
    internal static readonly SasRecOptions Small = new() { MaxLength = 4, Factors = 8, Blocks = 1, Dropout = 0f, LearningRate = 0.01f, BatchSize = 2, Epochs = 100 };

    protected override IRecommender Fit(Dataset train, int seed) => SasRecModel.Fit(train, Small with { Seed = seed }, OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u4 has no history, so its state is zero, every score is 0 and ties go to the lower index.
        Assert.Equal([0, 1, 2], model.Recommend(4, 3).Select(r => r.Item));
        Assert.All(model.Recommend(4, 6), r => Assert.Equal(0f, r.Score));

        // i5 is in no history, so it is never a next item, only ever a sampled negative: every state learns to score
        // it below the items that do follow something (i0, the other item nobody moves to, is seen by all of u0..u3).
        for (int u = 0; u < 4; u++)
        {
            Assert.Equal(5, model.Recommend(u, 6)[^1].Item);
        }
    }
}
