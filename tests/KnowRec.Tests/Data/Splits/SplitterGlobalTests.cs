using KnowRec.Data;
using KnowRec.Data.Splits;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

/// <summary>random, temporal, kfold, fixed and cold-items, which decide over all rows or items at once.</summary>
public class SplitterGlobalTests
{
    private static readonly Dataset Data = SyntheticData.Create(users: 100, items: 50);

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void Split_HoldsOutRoundedRatioOfRows_ForRandom(double ratio)
    {
        var split = Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.Random, TestRatio = ratio })[0];

        Assert.Equal((int)Math.Round(ratio * Data.Interactions.Count, MidpointRounding.AwayFromZero), split.Test.Interactions.Count);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.33)]
    public void Split_PutsLatestRatioOfRowsInTest_ForTemporal(double ratio)
    {
        var split = Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.Temporal, TestRatio = ratio })[0];

        Assert.Equal((int)Math.Round(ratio * Data.Interactions.Count, MidpointRounding.AwayFromZero), split.Test.Interactions.Count);
        Assert.True(split.Test.Interactions.Min(r => r.Timestamp) >= split.Train.Interactions.Max(r => r.Timestamp));
    }

    [Fact]
    public void Split_DividesBoundaryTiesByRowOrder_ForTemporal()
    {
        Interaction[] rows = [new(0, 0, 1, 5), new(0, 1, 1, 9), new(1, 0, 1, 9), new(1, 1, 1, 1), new(2, 0, 1, 9)];
        var data = SyntheticData.FromRows(rows, users: 3, items: 2);

        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.Temporal, TestRatio = 0.4 })[0];

        Assert.Equal([rows[2], rows[4]], split.Test.Interactions);
    }

    [Fact]
    public void Split_PutsRowsFromCutOnInTest_WhenTemporalCutSet()
    {
        const long cut = 1_000_250;

        var split = Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.Temporal, TemporalCut = cut })[0];

        Assert.All(split.Test.Interactions, r => Assert.True(r.Timestamp >= cut));
        Assert.All(split.Train.Interactions, r => Assert.True(r.Timestamp < cut));
        Assert.Equal(Data.Interactions.Count(r => r.Timestamp >= cut), split.Test.Interactions.Count);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1_000_000_000_000L)]
    public void Split_Throws_WhenTemporalCutLeavesOneSideEmpty(long cut)
    {
        var e = Assert.Throws<ArgumentException>(
            () => Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.Temporal, TemporalCut = cut }));

        Assert.Contains("TemporalCut", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void Split_MakesDisjointFoldsCoveringAllRows_ForKFold(int folds)
    {
        var splits = Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.KFold, Folds = folds });

        Assert.Equal(folds, splits.Count);
        Assert.Equal(Enumerable.Range(0, folds).Cast<int?>(), splits.Select(s => s.Fold));
        var allTest = splits.SelectMany(s => s.Test.Interactions).ToList();
        Assert.Equal(SplitAssert.Sorted(Data.Interactions), SplitAssert.Sorted(allTest));
        Assert.Equal(allTest.Count, allTest.Distinct().Count());
        var sizes = splits.Select(s => s.Test.Interactions.Count).ToList();
        Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
        Assert.All(splits, s => SplitAssert.IsPartitionOf(Data, s));
    }

    [Fact]
    public void Split_Throws_WhenFewerRowsThanFolds()
    {
        var data = SyntheticData.FromRows([new(0, 0, 1, 1), new(0, 1, 1, 2)], users: 1, items: 2);

        Assert.Throws<ArgumentException>(() => Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.KFold, Folds = 3 }));
    }

    [Fact]
    public void Split_HonoursMaskExactly_ForFixed()
    {
        var data = SyntheticData.WithMask(Data);

        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.Fixed })[0];

        var mask = data.FixedTestMask!;
        Assert.Equal(data.Interactions.Where((_, r) => mask[r]), split.Test.Interactions);
        Assert.Equal(data.Interactions.Where((_, r) => !mask[r]), split.Train.Interactions);
    }

    [Fact]
    public void Split_ThrowsNamingDataset_WhenFixedMaskMissing()
    {
        var e = Assert.Throws<ArgumentException>(() => Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.Fixed }));

        Assert.Contains("FixedTestMask", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_Throws_WhenFixedMaskLengthDiffers()
    {
        var data = new Dataset("short-mask", Data.Users, Data.Items, Data.Interactions) { FixedTestMask = [true, false] };

        Assert.Throws<ArgumentException>(() => Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.Fixed }));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void Split_HoldsOutWholeItems_ForColdItems(double ratio)
    {
        var split = Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.ColdItems, TestRatio = ratio })[0];

        var heldOut = split.Test.Interactions.Select(r => r.Item).ToHashSet();
        int activeItems = Data.Interactions.Select(r => r.Item).Distinct().Count();
        Assert.Equal((int)Math.Round(ratio * activeItems, MidpointRounding.AwayFromZero), heldOut.Count);
        Assert.DoesNotContain(split.Train.Interactions, r => heldOut.Contains(r.Item));
        Assert.Equal(Data.Interactions.Count(r => heldOut.Contains(r.Item)), split.Test.Interactions.Count);
    }
}
