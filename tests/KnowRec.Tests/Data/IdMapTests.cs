using KnowRec.Data;
using Xunit;

namespace KnowRec.Tests.Data;

public sealed class IdMapTests
{
    [Fact]
    public void GetOrAdd_HandsOutIndicesInFirstSeenOrder()
    {
        var map = new IdMap();
        Assert.Equal(0, map.GetOrAdd("b"));
        Assert.Equal(1, map.GetOrAdd("a"));
        Assert.Equal(0, map.GetOrAdd("b"));
        Assert.Equal(2, map.Count);
        Assert.Equal("a", map[1]);
        Assert.True(map.TryGetIndex("a", out int a) && a == 1);
        Assert.False(map.TryGetIndex("c", out _));
    }

    [Fact]
    public void Constructor_Throws_OnDuplicateId() => Assert.Throws<ArgumentException>(() => new IdMap(["x", "y", "x"]));

    [Fact]
    public void GetOrAdd_IsCaseSensitive() => Assert.NotEqual(0, new IdMap(["A"]).GetOrAdd("a"));

    [Fact]
    public void Clone_GrowsIndependently()
    {
        var map = new IdMap(["x"]);
        var copy = map.Clone();
        copy.GetOrAdd("y");
        Assert.Equal(1, map.Count);
        Assert.Equal(2, copy.Count);
    }
}
