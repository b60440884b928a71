using KnowRec.Models;
using KnowRec.Models.Popularity;
using KnowRec.Models.Random;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class OptionsBinderTests
{
    [Fact]
    public void Bind_SetsProperties_CaseAndDashInsensitive()
    {
        Assert.Equal(7, OptionsBinder.Bind<RandomOptions>(new Dictionary<string, string> { ["seed"] = "7" }).Seed);
        Assert.Equal(PopularityWeighting.ValueSum, OptionsBinder.Bind<PopularityOptions>(new Dictionary<string, string> { ["weighting"] = "value-sum" }).Weighting);
    }

    [Fact]
    public void Bind_NamesValidOptions_ForUnknownName()
    {
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<RandomOptions>(new Dictionary<string, string> { ["factors"] = "3" }));
        Assert.Contains("Seed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_Explains_BadValue()
    {
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<RandomOptions>(new Dictionary<string, string> { ["seed"] = "many" }));
        Assert.Contains("'many'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var options = new RandomOptions { Seed = 99 };
        Assert.Equal(options, OptionsBinder.FromJson<RandomOptions>(OptionsBinder.ToJson(options)));
    }
}
