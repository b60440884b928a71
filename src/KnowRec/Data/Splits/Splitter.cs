using System.Runtime.InteropServices;

namespace KnowRec.Data.Splits;

/// <summary>Divides a dataset into train and test parts by one of the <see cref="SplitProtocol"/> protocols.</summary>
/// <remarks>
/// <para>
/// Deterministic: the same dataset and options give identical rows in identical order. Every random choice draws from
/// one <see cref="System.Random"/> seeded with <see cref="SplitOptions.Seed"/>, visited in row or index order; nothing
/// depends on hash iteration order or threads. Both parts keep the rows in their original relative order.
/// </para>
/// <para>
/// Train and test are made with <see cref="Dataset.WithInteractions"/>, so they share the source's id maps and
/// metadata. Rows are assumed distinct per (user, item), as <see cref="Dataset.Interactions"/> promises after cleaning;
/// duplicate pairs in uncleaned data could land on both sides. Runs in O(n) time and memory for n rows, plus an
/// O(n log n) sort of timestamps for the ratio-based temporal cut.
/// </para>
/// </remarks>
public static partial class Splitter
{
    /// <summary>Splits <paramref name="data"/> as <paramref name="options"/> say.</summary>
    /// <returns>One split, or <see cref="SplitOptions.Folds"/> splits (with <see cref="DataSplit.Fold"/> set) for kfold.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The dataset lacks what the protocol needs (timestamps, a fixed mask, enough rows).</exception>
    public static IReadOnlyList<DataSplit> Split(Dataset data, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.Protocol switch
        {
            SplitProtocol.UserRatio => [Partition(data, UserRatioMask(data, options), options.Protocol)],
            SplitProtocol.Random => [Partition(data, RandomMask(data, options), options.Protocol)],
            SplitProtocol.LeaveLastOut => [Partition(data, LeaveLastOutMask(data), options.Protocol)],
            SplitProtocol.Temporal => [Partition(data, TemporalMask(data, options), options.Protocol)],
            SplitProtocol.KFold => KFold(data, options),
            SplitProtocol.Fixed => [Partition(data, FixedMask(data), options.Protocol)],
            SplitProtocol.ColdItems => [Partition(data, ColdItemsMask(data, options), options.Protocol)],
            SplitProtocol.ColdUsers => [Partition(data, ColdUsersMask(data, options), options.Protocol)],
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Protocol, "Unknown split protocol."),
        };
    }

    // round(ratio × n), kept in [1, n − 1] so a group of two or more always has a member on each side.
    internal static int HoldoutCount(int n, double ratio)
    {
        if (n < 2)
        {
            return 0;
        }

        int k = (int)Math.Round(ratio * n, MidpointRounding.AwayFromZero);
        return Math.Clamp(k, 1, n - 1);
    }

    // Arrays and lists are read in place: a span indexes a million structs far faster than interface calls on
    // IReadOnlyList. Any other list is copied once. Datasets are immutable, so reading in place is safe.
    private static ReadOnlySpan<Interaction> RowsOf(Dataset data) => data.Interactions switch
    {
        Interaction[] array => array,
        List<Interaction> list => CollectionsMarshal.AsSpan(list),
        var other => other.ToArray(),
    };

    // Copies rows into train or test by the mask, keeping their original order within each part.
    private static DataSplit Partition(Dataset data, bool[] isTest, SplitProtocol protocol, int? fold = null)
    {
        var rows = RowsOf(data);
        int testCount = 0;
        foreach (bool t in isTest)
        {
            testCount += t ? 1 : 0;
        }

        var train = new Interaction[rows.Length - testCount];
        var test = new Interaction[testCount];
        int trainAt = 0;
        int testAt = 0;
        for (int r = 0; r < isTest.Length; r++)
        {
            if (isTest[r])
            {
                test[testAt++] = rows[r];
            }
            else
            {
                train[trainAt++] = rows[r];
            }
        }

        return new DataSplit(
            data.WithInteractions(train, $"{data.Name}-train"),
            data.WithInteractions(test, $"{data.Name}-test"),
            SplitProtocolNames.ToName(protocol),
            fold);
    }

    // Row indices grouped by user (counting sort), each user's rows in original order; starts has Users.Count + 1 entries.
    private static (int[] Starts, int[] Rows) GroupByUser(Dataset data)
    {
        var rows = RowsOf(data);
        int users = data.Users.Count;
        var starts = new int[users + 1];
        for (int r = 0; r < rows.Length; r++)
        {
            int u = rows[r].User;
            if ((uint)u >= (uint)users)
            {
                throw new ArgumentException($"Row {r} has user index {u}, outside the {users} users of dataset '{data.Name}'.", nameof(data));
            }

            starts[u + 1]++;
        }

        for (int u = 0; u < users; u++)
        {
            starts[u + 1] += starts[u];
        }

        var grouped = new int[rows.Length];
        var next = (int[])starts.Clone();
        for (int r = 0; r < rows.Length; r++)
        {
            grouped[next[rows[r].User]++] = r;
        }

        return (starts, grouped);
    }

    // Time-based protocols cannot guess a missing time, so they refuse with the first offending row named.
    private static void RequireTimestamps(Dataset data, SplitProtocol protocol)
    {
        var rows = RowsOf(data);
        for (int r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            if (!row.HasTimestamp)
            {
                string user = (uint)row.User < (uint)data.Users.Count ? data.Users[row.User] : row.User.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string item = (uint)row.Item < (uint)data.Items.Count ? data.Items[row.Item] : row.Item.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new ArgumentException(
                    $"Protocol '{SplitProtocolNames.ToName(protocol)}' needs a timestamp on every interaction, but row {r} "
                    + $"(user '{user}', item '{item}') of dataset '{data.Name}' has none.",
                    nameof(data));
            }
        }
    }
}
