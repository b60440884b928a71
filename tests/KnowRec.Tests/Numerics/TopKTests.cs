using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class TopKTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(100, 10)]
    [InlineData(1000, 1000)]
    [InlineData(50, 80)]
    [InlineData(3706, 3706)]
    [InlineData(3706, 500)]
    public void Select_EqualsFullSort_WithTiesToLowerIndex(int n, int k)
    {
        var random = new Random(n * 31 + k);
        // Few distinct values, so there are many ties.
        var scores = Enumerable.Range(0, n).Select(_ => (float)random.Next(-5, 5) * 0.5f).ToArray();
        scores[random.Next(n)] = -0f;
        scores[random.Next(n)] = float.NegativeInfinity;
        var expected = scores.Select((s, i) => (s, i)).Where(p => !float.IsNegativeInfinity(p.s))
            .OrderByDescending(p => p.s).ThenBy(p => p.i).Take(k).Select(p => p.i).ToArray();
        Assert.Equal(expected, TopK.Select(scores, k).Select(r => r.Item).ToArray());
    }

    [Fact]
    public void Select_SkipsNaN_AndHandlesZero()
    {
        Assert.Empty(TopK.Select([1f, 2f], 0));
        Assert.Equal([2, 0], TopK.Select([1f, float.NaN, 3f], 5).Select(r => r.Item));
    }
}
