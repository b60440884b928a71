using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Models;
using KnowRec.Models.Hybrid;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Hybrid;

public abstract class KarModelContractTests(KarBackbone backbone) : RecommenderContractTests
{
    internal static KarOptions Tiny(KarBackbone backbone, int seed = 42) => new()
    {
        Backbone = backbone,
        Factors = 4,
        Hidden = 8,
        ExpertHidden = 4,
        Augmented = 3,
        Negatives = backbone == KarBackbone.TwoTower ? 4 : 2,
        Epochs = backbone == KarBackbone.TwoTower ? 100 : 60,
        BatchSize = 4,
        LearningRate = 0.01f,
        WeightDecay = 0.001f,
        IdDropout = 0.2f,
        Seed = seed,
    };

    /// <summary>TinyData with the hybrid tests' tag vectors as the "knowledge" source.</summary>
    internal static Dataset WithKnowledge(Dataset data)
    {
        var tags = HybridModelContractTests.WithTags(data).ItemVectorsNamed("tags")!;
        var present = Enumerable.Range(0, tags.Vectors.Rows).Select(tags.IsPresent).ToArray();
        return data.WithItemVectors(new ItemVectors("knowledge", tags.Vectors, present));
    }

    protected override IRecommender Fit(Dataset train, int seed) => KarModel.Fit(WithKnowledge(train), Tiny(backbone, seed), HybridModelContractTests.OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u2 has {i0, i2}: u1 has both and also i1, which is also the most popular item u2 lacks. Cold i5 has i1's
        // knowledge and no id evidence (untrained ids are zeroed or replaced by the "no id" row), so the adaptor places
        // it beside i1: the two lead u2's list, in either order, ahead of i3 and i4 whose knowledge is their own.
        Assert.Equal([1, 5], model.Recommend(2, 2).Select(s => s.Item).Order());
    }
}

public sealed class KarTwoTowerContractTests() : KarModelContractTests(KarBackbone.TwoTower);

public sealed class KarNcfContractTests() : KarModelContractTests(KarBackbone.Ncf);
