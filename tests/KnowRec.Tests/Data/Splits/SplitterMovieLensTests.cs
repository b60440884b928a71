using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

/// <summary>Every protocol on the real ml-100k ratings (943 users, 1,682 items, 100,000 rows), with exact expected sizes.</summary>
public class SplitterMovieLensTests
{
    private static readonly Lazy<Dataset> Data = new(() => DatasetLoader.Load(TestData.PathOf("ml-100k")));

    [DataFact("ml-100k")]
    public void Split_IsLeakFreeWithExpectedSizes_OnMovieLens100k()
    {
        var data = Data.Value;
        Assert.Equal(100_000, data.Interactions.Count);

        foreach (var protocol in Enum.GetValues<SplitProtocol>().Where(p => p != SplitProtocol.Fixed))
        {
            var splits = Splitter.Split(data, new SplitOptions { Protocol = protocol });
            Assert.All(splits, s => SplitAssert.IsPartitionOf(data, s));
            int test = splits[0].Test.Interactions.Count;
            switch (protocol)
            {
                case SplitProtocol.Random:
                case SplitProtocol.Temporal:
                    Assert.Equal(20_000, test);
                    break;
                case SplitProtocol.KFold:
                    Assert.All(splits, s => Assert.Equal(20_000, s.Test.Interactions.Count));
                    break;
                case SplitProtocol.LeaveLastOut:
                    // Every ml-100k user has at least 20 ratings, so each gives exactly one.
                    Assert.Equal(943, test);
                    break;
                default:
                    // user-ratio rounds per user and cold-items holds out items, not rows: the share is near, not exact.
                    Assert.InRange(test / 100_000.0, 0.15, 0.25);
                    break;
            }
        }
    }

    [DataFact("ml-100k")]
    public void Split_PutsOnlyLaterRatingsInTest_ForTemporalOnMovieLens100k()
    {
        var split = Splitter.Split(Data.Value, new SplitOptions { Protocol = SplitProtocol.Temporal })[0];

        Assert.True(split.Test.Interactions.Min(r => r.Timestamp) >= split.Train.Interactions.Max(r => r.Timestamp));
    }
}
