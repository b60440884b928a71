using KnowRec.Data;
using KnowRec.Data.Splits;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

public sealed class SplitterColdUsersTests
{
    private static readonly Dataset Data = SyntheticData.Create(users: 100, items: 50);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void NewUsers_KeepTheirEarliestRows_AndEveryOtherUserIsWhollyTrain(int history)
    {
        var split = Splitter.Split(Data, new SplitOptions { Protocol = SplitProtocol.ColdUsers, ColdUserHistory = history })[0];
        var newUsers = split.Test.Interactions.Select(r => r.User).ToHashSet();
        int candidates = Data.Interactions.GroupBy(r => r.User).Count(g => g.Count() > history);
        Assert.Equal((int)Math.Round(0.2 * candidates, MidpointRounding.AwayFromZero), newUsers.Count);
        foreach (var user in Data.Interactions.GroupBy(r => r.User))
        {
            var train = split.Train.Interactions.Where(r => r.User == user.Key).ToList();
            if (!newUsers.Contains(user.Key))
            {
                Assert.Equal(user.Count(), train.Count);
                continue;
            }

            Assert.Equal(history, train.Count);
            long lastKept = train.Count == 0 ? long.MinValue : train.Max(r => r.Timestamp);
            Assert.All(split.Test.Interactions.Where(r => r.User == user.Key), r => Assert.True(r.Timestamp >= lastKept));
        }
    }

    [Fact]
    public void WithoutTimestamps_KeepsRowsInFileOrder()
    {
        Interaction[] rows = [new(0, 3, 1), new(0, 1, 1), new(0, 2, 1), new(1, 0, 1), new(1, 1, 1), new(1, 2, 1)];
        var data = SyntheticData.FromRows(rows, users: 2, items: 4, timestamps: false);
        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.ColdUsers, ColdUserHistory = 1, TestRatio = 0.5, Seed = 1 })[0];
        int user = split.Test.Interactions[0].User;
        Assert.Equal([rows.First(r => r.User == user)], split.Train.Interactions.Where(r => r.User == user));
        Assert.Equal("cold-users", split.Protocol);
    }

    [Fact]
    public void Throws_WhenTooFewUsersHaveMoreRowsThanTheHistory()
    {
        Interaction[] rows = [new(0, 0, 1), new(0, 1, 1), new(1, 0, 1)];
        var data = SyntheticData.FromRows(rows, users: 2, items: 2, timestamps: false);
        var error = Assert.Throws<ArgumentException>(() => Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.ColdUsers, ColdUserHistory = 1 }));
        Assert.Contains("more than 1 rows", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitOptions { ColdUserHistory = -1 }.Validate());
    }
}
