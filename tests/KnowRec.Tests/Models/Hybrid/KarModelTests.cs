using KnowRec.Models.Hybrid;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Hybrid;

public sealed class KarModelTests
{
    [Fact]
    public void Fit_WithoutKnowledge_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => KarModel.Fit(TinyData.Create(), KarModelContractTests.Tiny(KarBackbone.TwoTower)));
        Assert.Contains("knowledge", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KarBackbone.TwoTower)]
    [InlineData(KarBackbone.Ncf)]
    public void ColdItem_IsScoredThroughItsKnowledge(KarBackbone backbone)
    {
        var data = KarModelContractTests.WithKnowledge(TinyData.Create());
        var model = KarModel.Fit(data, KarModelContractTests.Tiny(backbone), HybridModelContractTests.OneThread);

        // i5 has no interactions; its knowledge is i1's, so its scores follow i1's across users rather than being constant.
        var cold = Enumerable.Range(0, 4).Select(u => model.Score(u, 5)).ToArray();
        Assert.True(cold.Distinct().Count() > 1, string.Join(", ", cold));
    }

    [Fact]
    public void Options_Validate_NamesTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => new KarOptions { SharedExperts = 0, DedicatedExperts = 0 }.Validate());
        Assert.Equal("SharedExperts", error.ParamName);
    }
}
