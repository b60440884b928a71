using KnowRec.Models;
using KnowRec.Models.Knn;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Knn;

/// <summary>Every option of item-knn and user-knn changes some score, or is documented as having none.</summary>
public sealed class KnnOptionTests
{
    private static readonly KnnOptions Reference = new() { Neighbours = 5, Weighting = KnnWeighting.None };

    public static TheoryData<string, KnnOptions, KnnOptions> Changes() => new()
    {
        { "Similarity=Pearson", Reference, Reference with { Similarity = KnnSimilarity.Pearson } },
        { "Similarity=AdjustedCosine", Reference, Reference with { Similarity = KnnSimilarity.AdjustedCosine } },
        { "Weighting=TfIdf", Reference, Reference with { Weighting = KnnWeighting.TfIdf } },
        { "Weighting=Bm25", Reference, Reference with { Weighting = KnnWeighting.Bm25 } },
        { "Neighbours", Reference, Reference with { Neighbours = 2 } },
        { "Shrinkage", Reference, Reference with { Shrinkage = 10 } },
        { "Bm25K1", Reference with { Weighting = KnnWeighting.Bm25 }, Reference with { Weighting = KnnWeighting.Bm25, Bm25K1 = 5 } },
        { "Bm25B", Reference with { Weighting = KnnWeighting.Bm25 }, Reference with { Weighting = KnnWeighting.Bm25, Bm25B = 0.1f } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Option_ChangesItemKnnScores(string option, KnnOptions before, KnnOptions after) =>
        Assert.False(Same(ItemKnnModel.Fit(RandomRatings.Create(), before), ItemKnnModel.Fit(RandomRatings.Create(), after)), $"{option} had no effect");

    [Theory]
    [MemberData(nameof(Changes))]
    public void Option_ChangesUserKnnScores(string option, KnnOptions before, KnnOptions after) =>
        Assert.False(Same(UserKnnModel.Fit(RandomRatings.Create(), before), UserKnnModel.Fit(RandomRatings.Create(), after)), $"{option} had no effect");

    [Fact]
    public void Bm25Parameters_HaveNoEffect_WithoutBm25Weighting()
    {
        var data = RandomRatings.Create();
        Assert.True(Same(ItemKnnModel.Fit(data, Reference), ItemKnnModel.Fit(data, Reference with { Bm25K1 = 5, Bm25B = 0.1f })));
    }

    [Fact]
    public void Validate_NamesTheBadOption()
    {
        Assert.Equal("Neighbours", Assert.Throws<ArgumentException>(() => new KnnOptions { Neighbours = 0 }.Validate()).ParamName);
        Assert.Equal("Shrinkage", Assert.Throws<ArgumentException>(() => new KnnOptions { Shrinkage = -1 }.Validate()).ParamName);
        Assert.Equal("Bm25B", Assert.Throws<ArgumentException>(() => new KnnOptions { Bm25B = 2 }.Validate()).ParamName);
        Assert.Equal("Bm25K1", Assert.Throws<ArgumentException>(() => new KnnOptions { Bm25K1 = -1 }.Validate()).ParamName);
    }

    [Fact]
    public void CentredSimilarities_AreZero_OnUnaryData()
    {
        // Documented on KnnSimilarity: centring 0/1 data leaves only zeros, so there are no neighbours and no scores.
        var model = ItemKnnModel.Fit(TinyData.Create(), new KnnOptions { Similarity = KnnSimilarity.Pearson });
        Assert.All(model.Recommend(2, 10), r => Assert.Equal(0f, r.Score));
    }

    private static bool Same(IRecommender a, IRecommender b)
    {
        for (int u = 0; u < a.Users.Count; u++)
        {
            for (int i = 0; i < a.Items.Count; i++)
            {
                if (a.Score(u, i) != b.Score(u, i))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
