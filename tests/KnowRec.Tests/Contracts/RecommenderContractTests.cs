using KnowRec.Data;
using KnowRec.Models;
using Xunit;

namespace KnowRec.Tests.Contracts;

/// <summary>The behaviour every model must show; each model's test class derives from this one.</summary>
public abstract class RecommenderContractTests
{
    /// <summary>Fits the model under test on <paramref name="train"/> with the given seed.</summary>
    protected abstract IRecommender Fit(Dataset train, int seed);

    /// <summary>The exact ranking the model must give on <see cref="TinyData"/>; each model works it out by hand.</summary>
    protected abstract void AssertKnownAnswer(IRecommender model);

    [Fact]
    public void Recommend_GivesKnownAnswer_OnTinyData() => AssertKnownAnswer(Fit(TinyData.Create(), 42));

    [Fact]
    public void Recommend_ExcludesSeenItems_ByDefault()
    {
        var data = TinyData.Create();
        var model = Fit(data, 42);
        for (int u = 0; u < data.Users.Count; u++)
        {
            foreach (var r in model.Recommend(u, data.Items.Count))
            {
                Assert.False(data.Matrix.Contains(u, r.Item), $"user {u} got seen item {r.Item}");
            }
        }
    }

    [Fact]
    public void Recommend_IncludesSeenItems_WhenAsked()
    {
        var data = TinyData.Create();
        var all = Fit(data, 42).Recommend(0, 100, new RecommendOptions { ExcludeSeen = false });
        Assert.Equal(data.Items.Count, all.Count);
    }

    [Fact]
    public void Recommend_ReturnsAllUnseen_WhenCountExceedsCatalogue()
    {
        var data = TinyData.Create();
        var list = Fit(data, 42).Recommend(0, 1000);
        Assert.Equal(data.Items.Count - data.Matrix.CountOf(0), list.Count);
        Assert.Equal(list.Count, list.Select(r => r.Item).Distinct().Count());
    }

    [Fact]
    public void Recommend_IsSortedBestFirst_AndAgreesWithScore()
    {
        var data = TinyData.Create();
        var model = Fit(data, 42);
        var list = model.Recommend(1, 10);
        for (int k = 1; k < list.Count; k++)
        {
            Assert.True(list[k - 1].Score > list[k].Score || (list[k - 1].Score == list[k].Score && list[k - 1].Item < list[k].Item));
        }

        foreach (var r in list)
        {
            Assert.Equal(model.Score(1, r.Item), r.Score, 5);
        }
    }

    [Fact]
    public void RecommendMany_EqualsRecommend_ForEachUser()
    {
        var data = TinyData.Create();
        var model = Fit(data, 42);
        int[] users = [0, 1, 2, 3, 4, 2];
        var batch = model.RecommendMany(users, 3);
        for (int k = 0; k < users.Length; k++)
        {
            Assert.Equal(model.Recommend(users[k], 3), batch[k]);
        }
    }

    [Fact]
    public void Recommend_Throws_ForUnknownIndices()
    {
        var data = TinyData.Create();
        var model = Fit(data, 42);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Recommend(data.Users.Count, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Recommend(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Score(0, data.Items.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Recommend(0, -1));
    }

    [Fact]
    public void Recommend_HandlesUserWithoutHistory()
    {
        var data = TinyData.Create();
        var list = Fit(data, 42).Recommend(4, 3);
        Assert.Equal(3, list.Count);
        Assert.All(list, r => Assert.True(float.IsFinite(r.Score)));
    }

    [Fact]
    public void Recommend_RanksOnlyCandidates_WhenGiven()
    {
        var data = TinyData.Create();
        var model = Fit(data, 42);
        var list = model.Recommend(2, 10, new RecommendOptions { Candidates = [5, 1, 3, 0, 1] });
        Assert.Equal([1, 3, 5], list.Select(r => r.Item).Order());
        var full = model.Recommend(2, 10).Where(r => r.Item is 1 or 3 or 5).ToList();
        Assert.Equal(full, list);
    }

    [Fact]
    public void Recommend_LeavesOutExcludedItems()
    {
        var data = TinyData.Create();
        var model = Fit(data, 42);
        var first = model.Recommend(2, 1)[0].Item;
        var list = model.Recommend(2, 10, new RecommendOptions { Exclude = new HashSet<int> { first } });
        Assert.DoesNotContain(list, r => r.Item == first);
    }

    [Fact]
    public void SaveLoad_GivesIdenticalScores()
    {
        var data = TinyData.Create();
        var model = Fit(data, 42);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = ModelCatalog.Load(stream);
        Assert.Equal(model.Kind, loaded.Kind);
        Assert.Equal(model.Users.Ids, loaded.Users.Ids);
        Assert.Equal(model.Items.Ids, loaded.Items.Ids);
        for (int u = 0; u < data.Users.Count; u++)
        {
            Assert.Equal(model.Recommend(u, 10), loaded.Recommend(u, 10));
            for (int i = 0; i < data.Items.Count; i++)
            {
                Assert.Equal(model.Score(u, i), loaded.Score(u, i));
            }
        }
    }

    [Fact]
    public void Fit_IsDeterministic_ForSameSeed()
    {
        var data = TinyData.Create();
        var a = Fit(data, 7);
        var b = Fit(data, 7);
        for (int u = 0; u < data.Users.Count; u++)
        {
            Assert.Equal(a.Recommend(u, 10), b.Recommend(u, 10));
        }
    }
}
