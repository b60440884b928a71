using KnowRec.Data;
using KnowRec.Data.Synthetic;
using Xunit;

namespace KnowRec.Tests.Data;

public sealed class SyntheticCatalogueTests
{
    [Fact]
    public void Create_IsDeterministic_AndWellFormed()
    {
        var a = SyntheticCatalogue.Create();
        var b = SyntheticCatalogue.Create();
        Assert.Equal(a.Interactions, b.Interactions);
        Assert.Equal(300 * 30, a.Interactions.Count);
        Assert.Equal(a.Interactions.Count, a.Interactions.Select(r => (r.User, r.Item)).Distinct().Count());
        Assert.All(a.Interactions, r => Assert.InRange(r.Value, 1f, 5f));
        Assert.Equal(FeedbackKind.Explicit, a.Feedback);
        Assert.StartsWith("Synthetic ", a.TitleOf(0), StringComparison.Ordinal);
        Assert.NotEqual(SyntheticCatalogue.Create(seed: 1).Interactions, a.Interactions);
    }
}
