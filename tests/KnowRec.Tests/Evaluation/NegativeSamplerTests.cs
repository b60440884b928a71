using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class NegativeSamplerTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(90)]
    public void Draw_GivesDistinctAllowedItems_WhateverTheShareExcluded(int excludedCount)
    {
        var excluded = Enumerable.Range(0, excludedCount).Select(i => (i * 7) % 100).ToHashSet();
        var sampler = new NegativeSampler(1, 2, 100, excluded);
        var drawn = new List<int>();
        sampler.Draw(5, drawn);
        Assert.Equal(5, drawn.Distinct().Count());
        Assert.All(drawn, item => Assert.DoesNotContain(item, excluded));
    }

    [Fact]
    public void Draw_GivesEveryAllowedItem_WhenFewerThanAsked()
    {
        var sampler = new NegativeSampler(1, 2, 6, [0, 2, 4]);
        var drawn = new List<int>();
        sampler.Draw(10, drawn);
        Assert.Equal([1, 3, 5], drawn.Order());
    }

    [Fact]
    public void Draw_Repeats_ForSameSeedAndUser()
    {
        List<int> Draw(int seed, int user)
        {
            var drawn = new List<int>();
            new NegativeSampler(seed, user, 1000, [1, 2, 3]).Draw(20, drawn);
            return drawn;
        }

        Assert.Equal(Draw(4, 7), Draw(4, 7));
        Assert.NotEqual(Draw(4, 7), Draw(4, 8));
        Assert.NotEqual(Draw(4, 7), Draw(5, 7));
    }
}
