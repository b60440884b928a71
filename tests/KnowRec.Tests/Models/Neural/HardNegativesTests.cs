using KnowRec.Models.Neural;
using KnowRec.Numerics;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class HardNegativesTests
{
    [Fact]
    public void Harden_PicksHighestScoringUnseenCandidate_AndLeavesPositivesAlone()
    {
        // TinyData: u2 has {i0, i2}, so its unseen items are i1, i3, i4, i5. Score = item index: the best unseen is i5.
        var data = TinyData.Create();
        int[] users = [2, 2, 2];
        int[] items = [0, 1, 3];
        var random = new SplitMix64(5);
        HardNegatives.Harden(users, items, k => k > 0, 40, data.Matrix, NegativeItemSampler.Uniform(6), ref random, (_, candidates) => [.. candidates.Select(i => (float)i)]);
        Assert.Equal([0, 5, 5], items);
    }

    [Fact]
    public void Harden_LeavesItemsUnchanged_WithOneCandidate()
    {
        var data = TinyData.Create();
        int[] items = [1, 3];
        var random = new SplitMix64(5);
        HardNegatives.Harden([2, 2], items, _ => true, 1, data.Matrix, NegativeItemSampler.Uniform(6), ref random, (_, _) => throw new InvalidOperationException("no scoring needed"));
        Assert.Equal([1, 3], items);
    }
}
