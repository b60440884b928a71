using KnowRec.Models;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class ModelCatalogTests
{
    [Fact]
    public void Get_ListsKnownKinds_ForUnknownKind()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelCatalog.Get("nonsense"));
        Assert.Contains("popularity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_HaveDistinctKinds_AndDefaultOptionsThatValidate()
    {
        Assert.Equal(ModelCatalog.Entries.Count, ModelCatalog.Entries.Select(e => e.Kind).Distinct().Count());
        foreach (var entry in ModelCatalog.Entries)
        {
            Assert.StartsWith("{", entry.OptionsJson(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Explains_IsTrueExactlyForExplainableModels()
    {
        Assert.False(ModelCatalog.Get("popularity").Explains);
        Assert.True(ModelCatalog.Get("item-knn").Explains);
        Assert.True(ModelCatalog.Get("knn-baseline").Explains);
    }
}
