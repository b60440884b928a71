using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Models;
using KnowRec.Models.Content;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Content;

public sealed class ContentKnnContractTests : RecommenderContractTests
{
    // Text vectors in two dimensions: i0 (1, 0), i1 (0, 1), i2 (1, 1), i3 (1, 0), i4 (0, 1), i5 (−1, 1); i5 has no training row.
    private static readonly float[] Vectors = [1, 0, 0, 1, 1, 1, 1, 0, 0, 1, -1, 1];

    public static Dataset WithVectors(Dataset data, bool[]? present = null)
    {
        var values = (float[])Vectors.Clone();
        for (int i = 0; present is not null && i < present.Length; i++)
        {
            if (!present[i])
            {
                values[2 * i] = values[(2 * i) + 1] = 0;
            }
        }

        return data.WithItemVectors(new ItemVectors("text", new FeatureMatrix(6, 2, values), present));
    }

    protected override IRecommender Fit(Dataset train, int seed) => ContentKnnModel.Fit(WithVectors(train), new ContentKnnOptions { Seed = seed });

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u2 has i0 and i2 (implicit, weight 1 each): profile ((1, 0) + (1, 1)) / 2 = (1, 0.5) ∝ (2, 1)/√5. Cosines:
        // i3 (1, 0): 2/√5; i1, i4 (0, 1): 1/√5 (tie, lower index first); i5 (−1, 1)/√2: −1/√10, the cold item through its text.
        var list = model.Recommend(2, 10);
        Assert.Equal([3, 1, 4, 5], list.Select(r => r.Item));
        Assert.Equal(2 / MathF.Sqrt(5), list[0].Score, 5);
        Assert.Equal(1 / MathF.Sqrt(5), list[1].Score, 5);
        Assert.Equal(-1 / MathF.Sqrt(10), list[3].Score, 5);

        // u4 has no history: a zero profile scores every item 0, so the order is the item order.
        Assert.Equal([new(0, 0f), new(1, 0f), new(2, 0f)], model.Recommend(4, 3));
    }

    [Fact]
    public void Score_IsZero_ForItemWithoutVector_AndProfileSkipsIt()
    {
        // i2 absent: u2's profile is i0 alone, (1, 0); i2 itself scores 0.
        var model = ContentKnnModel.Fit(WithVectors(TinyData.Create(), [true, true, false, true, true, true]));
        Assert.Equal(0f, model.Score(2, 2));
        Assert.Equal(1f, model.Score(2, 3), 5);
        Assert.Equal(0f, model.Score(2, 1), 5);
    }

    [Fact]
    public void Fit_BuildsTfidfLsaFromItemText_WhenNoTextSourceIsAttached()
    {
        var data = TinyData.Create();
        string[] genres = ["Space", "Space", "Romance", "Space", "Romance", "Space"];
        var metadata = genres.Select((g, i) => (ItemMetadata?)new ItemMetadata { Title = $"Film {i}", Genres = [g, g == "Space" ? "Rockets" : "Love"] }).ToList();
        var model = ContentKnnModel.Fit(data.WithItemMetadata(metadata), new ContentKnnOptions { Dimension = 4 });

        // u0 saw i0, i1, i3 (all Space): the unseen Space item i5 outranks the Romance items i2 and i4.
        Assert.Equal(5, model.Recommend(0, 1)[0].Item);
        Assert.True(model.Score(0, 5) > model.Score(0, 2));
    }

    [Fact]
    public void Fit_ScoresZero_WhenNoItemHasText()
    {
        var model = ContentKnnModel.Fit(TinyData.Create());
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(0f, model.Score(0, i)));
    }

    [Fact]
    public void Fit_Throws_ForUnknownSource() =>
        Assert.Throws<ArgumentException>(() => ContentKnnModel.Fit(TinyData.Create(), new ContentKnnOptions { Source = "image" }));
}
