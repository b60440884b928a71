using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Popularity;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class PopularityModelContractTests : RecommenderContractTests
{
    protected override IRecommender Fit(Dataset train, int seed) => PopularityModel.Fit(train);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // Popularity i0=4, i1=3, i2=2, i3=1, i4=1, i5=0; u2 has i0 and i2, so: i1 (3), i3 (1, lower index than i4), i4 (1), i5 (0).
        Assert.Equal([new(1, 3f), new(3, 1f), new(4, 1f), new(5, 0f)], model.Recommend(2, 10));
        // u4 has nothing: the plain popularity order.
        Assert.Equal([0, 1, 2], model.Recommend(4, 3).Select(r => r.Item));
    }

    [Fact]
    public void Fit_SumsValues_WhenWeightingIsValueSum()
    {
        var users = new IdMap(["a", "b"]);
        var items = new IdMap(["x", "y"]);
        var data = new Dataset("t", users, items, [new(0, 0, 5), new(1, 1, 2), new(0, 1, 2)]);
        Assert.Equal([1f, 2f], PopularityModel.Fit(data).Popularity.ToArray());
        Assert.Equal([5f, 4f], PopularityModel.Fit(data, new PopularityOptions { Weighting = PopularityWeighting.ValueSum }).Popularity.ToArray());
    }
}
