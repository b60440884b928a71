using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Features.Fusion;
using KnowRec.Models;
using KnowRec.Models.Hybrid;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Hybrid;

public sealed class HybridModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    internal static HybridOptions Tiny(int seed = 42, FusionKind fusion = FusionKind.Concat) =>
        new() { Fusion = fusion, Factors = 4, Hidden = 8, Negatives = 4, Epochs = 100, BatchSize = 4, LearningRate = 0.01f, WeightDecay = 0.01f, IdDropout = 0.3f, Seed = seed };

    /// <summary>
    /// TinyData with a "tags" source: i1 and i5 share a tag vector, every other item has its own; i5 has no
    /// interactions (a cold item) and i3 has no tag vector at all (absent).
    /// </summary>
    internal static Dataset WithTags(Dataset data)
    {
        float[] values =
        [
            1, 0, 0, 0,
            0, 1, 0, 0,
            0, 0, 1, 0,
            0, 0, 0, 0,
            0, 0, 0, 1,
            0, 1, 0, 0,
        ];
        bool[] present = [true, true, true, false, true, true];
        return data.WithItemVectors(new ItemVectors("tags", new FeatureMatrix(6, 4, values), present));
    }

    protected override IRecommender Fit(Dataset train, int seed) => HybridModel.Fit(WithTags(train), Tiny(seed), OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u2 has {i0, i2}: u1 has both and also i1, which is also the most popular item u2 lacks.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);

        // i5 is cold: it is scored through its tags alone, which it shares with i1, so for u2 it comes right after
        // i1, ahead of i3 and i4, which only one other user each has and whose contents are unlike i1's.
        Assert.Equal(5, model.Recommend(2, 10)[1].Item);
    }
}
