using KnowRec.Data;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

/// <summary>Checks every split must pass, whatever the protocol.</summary>
internal static class SplitAssert
{
    /// <summary>Train and test share the source's maps, no (user, item) pair is on both sides, and together they are exactly the source rows.</summary>
    public static void IsPartitionOf(Dataset data, DataSplit split)
    {
        Assert.Same(data.Users, split.Train.Users);
        Assert.Same(data.Items, split.Train.Items);
        Assert.Same(data.Users, split.Test.Users);
        Assert.Same(data.Items, split.Test.Items);
        Assert.Equal(data.Feedback, split.Train.Feedback);
        Assert.Equal(data.RatingScale, split.Test.RatingScale);

        var trainPairs = split.Train.Interactions.Select(r => (r.User, r.Item)).ToHashSet();
        Assert.DoesNotContain(split.Test.Interactions, r => trainPairs.Contains((r.User, r.Item)));
        Assert.Equal(Sorted(data.Interactions), Sorted(split.Train.Interactions.Concat(split.Test.Interactions)));
    }

    /// <summary>Rows in a canonical order, for comparing multisets.</summary>
    public static Interaction[] Sorted(IEnumerable<Interaction> rows) =>
        [.. rows.OrderBy(r => r.User).ThenBy(r => r.Item).ThenBy(r => r.Timestamp).ThenBy(r => r.Value)];
}
