using KnowRec.Data;
using KnowRec.Data.Splits;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

/// <summary>user-ratio and leave-last-out, which decide user by user.</summary>
public class SplitterPerUserTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    [InlineData(0.95)]
    public void Split_KeepsAtLeastOneRowOnEachSide_ForUserRatioUsersWithTwoOrMoreRows(double ratio)
    {
        var data = SyntheticData.Create(users: 80, minPerUser: 1, maxPerUser: 6);

        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.UserRatio, TestRatio = ratio })[0];

        var total = CountsByUser(data.Interactions, data.Users.Count);
        var train = CountsByUser(split.Train.Interactions, data.Users.Count);
        var test = CountsByUser(split.Test.Interactions, data.Users.Count);
        for (int u = 0; u < total.Length; u++)
        {
            if (total[u] >= 2)
            {
                Assert.InRange(train[u], 1, total[u] - 1);
                Assert.InRange(test[u], 1, total[u] - 1);
            }
            else
            {
                Assert.Equal(total[u], train[u]);
            }
        }
    }

    [Fact]
    public void Split_HoldsOutRoundedRatioOfEachUser_ForUserRatio()
    {
        var data = SyntheticData.Create(users: 50, minPerUser: 10, maxPerUser: 30);

        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.UserRatio, TestRatio = 0.3 })[0];

        var total = CountsByUser(data.Interactions, data.Users.Count);
        var test = CountsByUser(split.Test.Interactions, data.Users.Count);
        for (int u = 0; u < total.Length; u++)
        {
            Assert.Equal((int)Math.Round(0.3 * total[u], MidpointRounding.AwayFromZero), test[u]);
        }
    }

    [Fact]
    public void Split_PicksEachUsersLatestRow_ForLeaveLastOut()
    {
        var data = SyntheticData.Create(users: 70, minPerUser: 1, maxPerUser: 10);

        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.LeaveLastOut })[0];

        var total = CountsByUser(data.Interactions, data.Users.Count);
        var test = CountsByUser(split.Test.Interactions, data.Users.Count);
        for (int u = 0; u < total.Length; u++)
        {
            Assert.Equal(total[u] >= 2 ? 1 : 0, test[u]);
        }

        foreach (var row in split.Test.Interactions)
        {
            long latest = data.Interactions.Where(r => r.User == row.User).Max(r => r.Timestamp);
            Assert.Equal(latest, row.Timestamp);
        }
    }

    [Fact]
    public void Split_TakesLaterSourceRow_WhenLeaveLastOutTimestampsTie()
    {
        Interaction[] rows =
        [
            new(0, 0, 5, 100), new(0, 1, 4, 300), new(0, 2, 3, 300), new(0, 3, 2, 200),
            new(1, 0, 1, 50),
            new(2, 1, 2, 10), new(2, 2, 2, 10),
        ];
        var data = SyntheticData.FromRows(rows, users: 3, items: 4);

        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.LeaveLastOut })[0];

        Assert.Equal([rows[2], rows[6]], split.Test.Interactions);
        Assert.Contains(rows[4], split.Train.Interactions);
    }

    [Theory]
    [InlineData(SplitProtocol.LeaveLastOut)]
    [InlineData(SplitProtocol.Temporal)]
    public void Split_ThrowsNamingProtocolAndRow_WhenTimestampMissing(SplitProtocol protocol)
    {
        Interaction[] rows = [new(0, 0, 1, 10), new(0, 1, 1), new(1, 0, 1, 30)];
        var data = SyntheticData.FromRows(rows, users: 2, items: 2, timestamps: false);

        var e = Assert.Throws<ArgumentException>(() => Splitter.Split(data, new SplitOptions { Protocol = protocol }));

        Assert.Equal("data", e.ParamName);
        Assert.Contains($"'{SplitProtocolNames.ToName(protocol)}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("row 1 (user 'u0', item 'i1')", e.Message, StringComparison.Ordinal);
    }

    private static int[] CountsByUser(IEnumerable<Interaction> rows, int users)
    {
        var counts = new int[users];
        foreach (var row in rows)
        {
            counts[row.User]++;
        }

        return counts;
    }
}
