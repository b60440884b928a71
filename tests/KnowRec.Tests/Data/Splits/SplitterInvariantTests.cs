using KnowRec.Data;
using KnowRec.Data.Splits;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

/// <summary>Properties every protocol must have: leak-free, complete, deterministic, sharing the source's maps.</summary>
public class SplitterInvariantTests
{
    public static TheoryData<SplitProtocol> AllProtocols => [.. Enum.GetValues<SplitProtocol>()];

    // Protocols that make random choices, so a different seed must be able to change the result.
    public static TheoryData<SplitProtocol> SeededProtocols =>
        [SplitProtocol.UserRatio, SplitProtocol.Random, SplitProtocol.KFold, SplitProtocol.ColdItems, SplitProtocol.ColdUsers];

    private static readonly Dataset Data = SyntheticData.WithMask(SyntheticData.Create());

    [Theory]
    [MemberData(nameof(AllProtocols))]
    public void Split_IsLeakFreeAndCoversAllRows_ForEveryProtocol(SplitProtocol protocol)
    {
        var splits = Splitter.Split(Data, new SplitOptions { Protocol = protocol });

        Assert.NotEmpty(splits);
        foreach (var split in splits)
        {
            SplitAssert.IsPartitionOf(Data, split);
            Assert.NotEmpty(split.Train.Interactions);
            Assert.NotEmpty(split.Test.Interactions);
            Assert.Equal(SplitProtocolNames.ToName(protocol), split.Protocol);
        }
    }

    [Theory]
    [MemberData(nameof(AllProtocols))]
    public void Split_GivesIdenticalRowsInIdenticalOrder_WhenSeedRepeats(SplitProtocol protocol)
    {
        var first = Splitter.Split(Data, new SplitOptions { Protocol = protocol, Seed = 11 });
        var second = Splitter.Split(Data, new SplitOptions { Protocol = protocol, Seed = 11 });

        Assert.Equal(first.Count, second.Count);
        for (int s = 0; s < first.Count; s++)
        {
            Assert.Equal(first[s].Train.Interactions, second[s].Train.Interactions);
            Assert.Equal(first[s].Test.Interactions, second[s].Test.Interactions);
            Assert.Equal(first[s].Fold, second[s].Fold);
        }
    }

    [Theory]
    [MemberData(nameof(SeededProtocols))]
    public void Split_GivesDifferentRows_WhenSeedDiffers(SplitProtocol protocol)
    {
        var first = Splitter.Split(Data, new SplitOptions { Protocol = protocol, Seed = 1 });
        var second = Splitter.Split(Data, new SplitOptions { Protocol = protocol, Seed = 2 });

        Assert.NotEqual(first[0].Test.Interactions, second[0].Test.Interactions);
    }

    [Theory]
    [MemberData(nameof(AllProtocols))]
    public void Split_KeepsSourceRowOrder_WithinEachPart(SplitProtocol protocol)
    {
        var position = new Dictionary<Interaction, int>();
        for (int r = 0; r < Data.Interactions.Count; r++)
        {
            position[Data.Interactions[r]] = r;
        }

        foreach (var split in Splitter.Split(Data, new SplitOptions { Protocol = protocol }))
        {
            Assert.True(IsAscending(split.Train.Interactions.Select(r => position[r])));
            Assert.True(IsAscending(split.Test.Interactions.Select(r => position[r])));
        }
    }

    [Fact]
    public void Split_ReturnsEmptyParts_ForEmptyDataset()
    {
        var empty = SyntheticData.FromRows([], users: 2, items: 2);

        var split = Assert.Single(Splitter.Split(empty, new SplitOptions { Protocol = SplitProtocol.Random }));

        Assert.Empty(split.Train.Interactions);
        Assert.Empty(split.Test.Interactions);
    }

    [Fact]
    public void Split_Throws_WhenOptionsInvalid()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Splitter.Split(Data, new SplitOptions { TestRatio = 2 }));
        Assert.Equal(nameof(SplitOptions.TestRatio), e.ParamName);
    }

    private static bool IsAscending(IEnumerable<int> values)
    {
        int previous = -1;
        foreach (int v in values)
        {
            if (v <= previous)
            {
                return false;
            }

            previous = v;
        }

        return true;
    }
}
