using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Training;

public sealed class NegativeItemSamplerTests
{
    [Fact]
    public void Popularity_FrequenciesMatchCountsPlusOneToTheExponent()
    {
        // Item counts 3, 1, 0, 0 (item 0 seen by three users, item 1 by one): weights (c + 1)^1 = 4, 2, 1, 1 of 8.
        var train = InteractionMatrix.FromEntries(3, 4, [new(0, 0, 1), new(1, 0, 1), new(2, 0, 1), new(0, 1, 1)]);
        var sampler = NegativeItemSampler.Popularity(train, exponent: 1.0);
        var counts = new int[4];
        var random = new SplitMix64(7);
        const int draws = 400_000;
        for (int d = 0; d < draws; d++)
        {
            counts[sampler.Draw(ref random)]++;
        }

        double[] expected = [0.5, 0.25, 0.125, 0.125];
        for (int i = 0; i < 4; i++)
        {
            // Three standard errors of a binomial proportion at 400k draws is below 0.0025.
            Assert.Equal(expected[i], counts[i] / (double)draws, 0.0025);
        }
    }

    [Fact]
    public void Uniform_CoversEveryItemEvenly()
    {
        var sampler = NegativeItemSampler.Uniform(5);
        var counts = new int[5];
        var random = new SplitMix64(3);
        for (int d = 0; d < 100_000; d++)
        {
            counts[sampler.Draw(ref random)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 19_400, 20_600));
        Assert.False(sampler.IsPopularity);
    }

    [Fact]
    public void DrawUnseen_NeverReturnsASeenItemWhileUnseenOnesRemain()
    {
        var sampler = NegativeItemSampler.Uniform(10);
        int[] seen = [0, 1, 2, 3, 4, 5, 6, 8, 9];
        var random = new SplitMix64(11);
        for (int d = 0; d < 2_000; d++)
        {
            Assert.Equal(7, sampler.DrawUnseen(ref random, seen, attempts: 1_000));
        }
    }

    [Fact]
    public void SameSeed_SameDraws()
    {
        var sampler = NegativeItemSampler.Uniform(1000);
        var a = new SplitMix64(5);
        var b = new SplitMix64(5);
        for (int d = 0; d < 100; d++)
        {
            Assert.Equal(sampler.Draw(ref a), sampler.Draw(ref b));
        }
    }

    [Fact]
    public void BadArguments_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NegativeItemSampler.Uniform(0));
        var train = InteractionMatrix.FromEntries(1, 2, [new(0, 0, 1)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => NegativeItemSampler.Popularity(train, -1));
    }
}
