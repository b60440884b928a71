using KnowRec.Features;
using Xunit;

namespace KnowRec.Tests.Features;

public sealed class ItemVectorsTests
{
    [Fact]
    public void Mask_MarksAbsentItems_AndCountsPresentOnes()
    {
        var vectors = new ItemVectors("text", new FeatureMatrix(3, 2, [1f, 2f, 0f, 0f, 3f, 4f]), [true, false, true]);
        Assert.Equal(2, vectors.PresentCount);
        Assert.False(vectors.IsPresent(1));
        Assert.Equal([3f, 4f], vectors.Row(2).ToArray());
        Assert.Equal(2, vectors.Dimension);
    }

    [Fact]
    public void AbsentRow_MustBeZero()
    {
        var error = Assert.Throws<ArgumentException>(() => new ItemVectors("text", new FeatureMatrix(2, 1, [1f, 2f]), [true, false]));
        Assert.Contains("item 1 is marked absent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_KeepsSources_ThroughSplitsAndReplacesByName()
    {
        var data = Contracts.TinyData.Create();
        int items = data.Items.Count;
        var first = new ItemVectors("text", new FeatureMatrix(items, 1, Enumerable.Repeat(1f, items).ToArray()));
        var second = new ItemVectors("text", new FeatureMatrix(items, 1, Enumerable.Repeat(2f, items).ToArray()));
        var image = new ItemVectors("image", new FeatureMatrix(items, 1, new float[items]), Enumerable.Repeat(false, items).ToArray());
        var with = data.WithItemVectors(first).WithItemVectors(image).WithItemVectors(second);
        Assert.Equal(["image", "text"], with.ItemVectors.Select(v => v.Name).Order());
        Assert.Same(second, with.ItemVectorsNamed("text"));
        Assert.Same(second, with.WithInteractions(with.Interactions.Take(2).ToList()).ItemVectorsNamed("text"));
        Assert.Null(with.ItemVectorsNamed("kg"));
        Assert.Throws<ArgumentException>(() => data.WithItemVectors(new ItemVectors("x", new FeatureMatrix(items + 1, 1, new float[items + 1]))));
    }
}
