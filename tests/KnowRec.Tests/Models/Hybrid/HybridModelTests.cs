using KnowRec.Features.Fusion;
using KnowRec.Models.Hybrid;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Hybrid;

public sealed class HybridModelTests
{
    public static TheoryData<FusionKind> Kinds => [FusionKind.Concat, FusionKind.Weighted, FusionKind.Attention, FusionKind.Gated];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryFusion_ScoresTheColdItemLikeTheItemWithItsContent(FusionKind fusion)
    {
        var data = HybridModelContractTests.WithTags(TinyData.Create());
        var model = HybridModel.Fit(data, HybridModelContractTests.Tiny(fusion: fusion), HybridModelContractTests.OneThread);
        Assert.Equal(["tags"], model.SourceNames);

        // u2 lacks i1, i3, i4, i5; cold i5 shares i1's tags, so it must beat i3 and i4, whose tags are their own.
        float cold = model.Score(2, 5);
        Assert.True(cold > model.Score(2, 3) && cold > model.Score(2, 4), $"{fusion}: i5 {cold}, i3 {model.Score(2, 3)}, i4 {model.Score(2, 4)}");
    }

    [Fact]
    public void Sources_None_IgnoresTheModalities()
    {
        var data = HybridModelContractTests.WithTags(TinyData.Create());
        var model = HybridModel.Fit(data, HybridModelContractTests.Tiny() with { Sources = "none" }, HybridModelContractTests.OneThread);
        Assert.Empty(model.SourceNames);

        // Ids alone still carry the collaborative answer of the contract suite.
        Assert.Equal(1, model.Recommend(2, 1)[0].Item);
    }

    [Fact]
    public void UnknownSource_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => HybridModel.Fit(TinyData.Create(), HybridModelContractTests.Tiny() with { Sources = "image" }));
        Assert.Contains("'image'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HybridModel.Fit(TinyData.Create(), HybridModelContractTests.Tiny(fusion: FusionKind.Gated)));
    }

    [Fact]
    public void UserProfile_ChangesTheUserVectors()
    {
        var data = HybridModelContractTests.WithTags(TinyData.Create());
        var plain = HybridModel.Fit(data, HybridModelContractTests.Tiny() with { Epochs = 5 }, HybridModelContractTests.OneThread);
        var profiled = HybridModel.Fit(data, HybridModelContractTests.Tiny() with { Epochs = 5, UserProfile = true }, HybridModelContractTests.OneThread);
        Assert.NotEqual(plain.UserVector(2).ToArray(), profiled.UserVector(2).ToArray());
    }
}
