using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Random;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class RandomModelContractTests : RecommenderContractTests
{
    protected override IRecommender Fit(Dataset train, int seed) => RandomModel.Fit(train, new RandomOptions { Seed = seed });

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // A random order cannot be written down by hand; what is known is that every unseen item comes back exactly once
        // with a score in [0, 1).
        var list = model.Recommend(2, 10);
        Assert.Equal([1, 3, 4, 5], list.Select(r => r.Item).Order());
        Assert.All(list, r => Assert.InRange(r.Score, 0f, 0.99999994f));
    }

    [Fact]
    public void Fit_GivesOtherRankings_ForOtherSeed()
    {
        var users = new IdMap(Enumerable.Range(0, 20).Select(i => $"u{i}"));
        var items = new IdMap(Enumerable.Range(0, 50).Select(i => $"i{i}"));
        var data = new Dataset("t", users, items, []);
        var a = RandomModel.Fit(data, new RandomOptions { Seed = 1 });
        var b = RandomModel.Fit(data, new RandomOptions { Seed = 2 });
        Assert.NotEqual(a.Recommend(0, 10), b.Recommend(0, 10));
        Assert.NotEqual(a.Recommend(0, 10), a.Recommend(1, 10));
    }

    [Fact]
    public void Scores_AreRoughlyUniform()
    {
        var users = new IdMap(["u"]);
        var items = new IdMap(Enumerable.Range(0, 10_000).Select(i => $"i{i}"));
        var model = RandomModel.Fit(new Dataset("t", users, items, []));
        double mean = Enumerable.Range(0, 10_000).Average(i => model.Score(0, i));
        Assert.InRange(mean, 0.48, 0.52);
    }
}
