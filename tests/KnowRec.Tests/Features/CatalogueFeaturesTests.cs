using KnowRec.Data;
using KnowRec.Features;
using Xunit;

namespace KnowRec.Tests.Features;

public sealed class CatalogueFeaturesTests
{
    [Fact]
    public void ItemGenres_IsUnitLengthMultiHot_InOrdinalColumnOrder()
    {
        var data = WithMetadata();
        var genres = CatalogueFeatures.ItemGenres(data)!;
        Assert.Equal(["genre=Comedy", "genre=Drama", "genre=Horror"], genres.Names);
        Assert.Equal([0f, 1f, 0f], genres.Row(0).ToArray());
        float half = 1f / MathF.Sqrt(2);
        Assert.Equal([half, 0f, half], genres.Row(1).ToArray());
        Assert.Equal([0f, 0f, 0f], genres.Row(2).ToArray());
    }

    [Fact]
    public void ItemGenres_IsNull_WithoutAnyGenre() =>
        Assert.Null(CatalogueFeatures.ItemGenres(Contracts.TinyData.Create()));

    [Fact]
    public void UserAttributes_OneHotsEachAttribute_AndLeavesOutManyValuedOnes()
    {
        var data = WithMetadata();
        var attributes = CatalogueFeatures.UserAttributes(data, maxValues: 2)!;

        // zip has three values, more than maxValues, so only gender is kept.
        Assert.Equal(["gender=F", "gender=M"], attributes.Names);
        Assert.Equal([0f, 1f], attributes.Row(0).ToArray());
        Assert.Equal([1f, 0f], attributes.Row(1).ToArray());
        Assert.Equal([0f, 0f], attributes.Row(2).ToArray());
        Assert.Equal(5, CatalogueFeatures.UserAttributes(data, maxValues: 3)!.Columns);
    }

    [Fact]
    public void FeatureMatrix_RejectsBadShapesAndValues()
    {
        Assert.Throws<ArgumentException>(() => new FeatureMatrix(2, 2, new float[3]));
        Assert.Throws<ArgumentException>(() => new FeatureMatrix(1, 2, [1f, float.NaN]));
        Assert.Throws<ArgumentException>(() => new FeatureMatrix(1, 2, [1f, 2f], ["only one name"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureMatrix(1, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureMatrix(1, 1, [1f]).Row(1));
    }

    // Three items (Drama; Comedy + Horror; no metadata) and three users (M, F, no attributes) with zip codes.
    private static Dataset WithMetadata()
    {
        var users = new IdMap(["u0", "u1", "u2"]);
        var items = new IdMap(["i0", "i1", "i2"]);
        return new Dataset("meta", users, items, [new Interaction(0, 0, 1), new Interaction(1, 1, 1)])
        {
            ItemMetadata = [new ItemMetadata { Genres = ["Drama"] }, new ItemMetadata { Genres = ["Horror", "Comedy"] }, null],
            UserAttributes =
            [
                new Dictionary<string, string> { ["gender"] = "M", ["zip"] = "111" },
                new Dictionary<string, string> { ["gender"] = "F", ["zip"] = "222" },
                new Dictionary<string, string> { ["zip"] = "333" },
            ],
        };
    }
}
