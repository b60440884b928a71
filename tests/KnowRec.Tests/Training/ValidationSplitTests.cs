using KnowRec.Data;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Training;

public sealed class ValidationSplitTests
{
    // Users 0–4 have 1, 2, 3, 5 and 10 interactions; rows are interleaved across users and times are not in row order.
    private static Dataset Create(bool timestamps)
    {
        int[] counts = [1, 2, 3, 5, 10];
        var rows = new List<Interaction>();
        for (int k = 0; k < 10; k++)
        {
            for (int u = 0; u < counts.Length; u++)
            {
                if (k < counts[u])
                {
                    // User u's k-th row is at time 100u + (7k mod n): distinct, and the latest is not the user's last row.
                    long time = timestamps ? (100 * u) + ((k * 7) % counts[u]) : Interaction.NoTimestamp;
                    rows.Add(new Interaction(u, k, 1f, time));
                }
            }
        }

        return new Dataset("tiny", new IdMap(Enumerable.Range(0, 5).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, 10).Select(i => $"i{i}")), rows)
        {
            HasTimestamps = timestamps,
        };
    }

    [Fact]
    public void Carve_HoldsOutEachEligibleUsersLatestInteraction_WhenTimestampsExist()
    {
        var data = Create(timestamps: true);
        var parts = ValidationSplit.Carve(data);

        // The latest row is the k with the largest 7k mod n: user 2 (n = 3) k = 2 (14 mod 3 = 2); user 3 (n = 5) k = 2
        // (14 mod 5 = 4); user 4 (n = 10) k = 7 (49 mod 10 = 9). Users 0 and 1 have too few rows and keep all 3.
        Assert.Equal([(2, 2), (3, 2), (4, 7)], parts.Test.Interactions.Select(r => (r.User, r.Item)).Order());
        Assert.Equal("validation-leave-last-out", parts.Protocol);
        Assert.Equal(3, parts.Train.Interactions.Count(r => r.User < 2));
    }

    [Fact]
    public void Carve_HoldsOutAFractionPerEligibleUser_WithoutTimestamps()
    {
        var parts = ValidationSplit.Carve(Create(timestamps: false), fraction: 0.2, seed: 5);

        // round(0.2·n) kept within [1, n − 1]: users with 3, 5, 10 rows give 1, 1, 2; users with 1 and 2 rows give none.
        var perUser = parts.Test.Interactions.GroupBy(r => r.User).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [3] = 1, [4] = 2 }, perUser);
        Assert.Equal("validation-user-ratio", parts.Protocol);
        Assert.Equal(parts.Test.Interactions, ValidationSplit.Carve(Create(timestamps: false), fraction: 0.2, seed: 5).Test.Interactions);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Carve_PartitionsTheRows_KeepingTheirOrderAndIdMaps(bool timestamps)
    {
        var data = Create(timestamps);
        var parts = ValidationSplit.Carve(data, 0.3, seed: 2);
        var held = parts.Test.Interactions.ToHashSet();
        Assert.Equal(data.Interactions.Where(r => !held.Contains(r)), parts.Train.Interactions);
        Assert.Equal(data.Interactions.Where(held.Contains), parts.Test.Interactions);
        Assert.Same(data.Users, parts.Train.Users);
        Assert.Same(data.Items, parts.Test.Items);
    }

    [Fact]
    public void Carve_LetsSmallerUsersGive_WhenMinInteractionsIsLowered()
    {
        var parts = ValidationSplit.Carve(Create(timestamps: true), minInteractions: 2);
        Assert.Equal([1, 2, 3, 4], parts.Test.Interactions.Select(r => r.User).Order());
    }

    [Fact]
    public void Carve_DependsOnTheSeed_WithoutTimestamps()
    {
        var data = Create(timestamps: false);
        var seeds = Enumerable.Range(0, 6).Select(s => string.Join(",", ValidationSplit.Carve(data, 0.3, s).Test.Interactions.Select(r => r.Item))).ToHashSet();
        Assert.True(seeds.Count > 1);
    }

    [Fact]
    public void Carve_RejectsBadArguments()
    {
        var data = Create(timestamps: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Carve(data, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Carve(data, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Carve(data, minInteractions: 1));
        Assert.Throws<ArgumentNullException>(() => ValidationSplit.Carve(null!));
    }
}
