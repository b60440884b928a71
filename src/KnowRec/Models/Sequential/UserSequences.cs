using KnowRec.Data;

namespace KnowRec.Models.Sequential;

/// <summary>Each user's items in the order they were consumed: by timestamp, ties (and rows without time) in row order.</summary>
internal sealed class UserSequences
{
    private readonly int[] _starts;
    private readonly int[] _items;

    private UserSequences(int[] starts, int[] items)
    {
        _starts = starts;
        _items = items;
    }

    /// <summary>Number of users (rows of the dataset's user map).</summary>
    public int Users => _starts.Length - 1;

    /// <summary>Groups the rows of <paramref name="data"/> by user and orders each group by time.</summary>
    public static UserSequences FromDataset(Dataset data)
    {
        var rows = data.Interactions;
        int users = data.Users.Count;
        var starts = new int[users + 1];
        foreach (var row in rows)
        {
            starts[row.User + 1]++;
        }

        for (int u = 0; u < users; u++)
        {
            starts[u + 1] += starts[u];
        }

        // Row indices grouped by user in row order, then sorted by (timestamp, row) within each group: the row index
        // breaks ties, so equal timestamps keep the order of the source, as the leave-last-out split assumes.
        var order = new int[rows.Count];
        var next = (int[])starts.Clone();
        for (int r = 0; r < rows.Count; r++)
        {
            order[next[rows[r].User]++] = r;
        }

        var times = new long[rows.Count];
        for (int i = 0; i < order.Length; i++)
        {
            times[i] = rows[order[i]].Timestamp;
        }

        var items = new int[rows.Count];
        for (int u = 0; u < users; u++)
        {
            int start = starts[u], count = starts[u + 1] - start;
            var keys = times.AsSpan(start, count);
            var group = order.AsSpan(start, count);
            if (!IsSorted(keys))
            {
                // Array.Sort is not stable; sorting (time, row) pairs makes the row the tie-breaker, so the order is unique.
                var pairs = new (long Time, int Row)[count];
                for (int i = 0; i < count; i++)
                {
                    pairs[i] = (keys[i], group[i]);
                }

                Array.Sort(pairs);
                for (int i = 0; i < count; i++)
                {
                    group[i] = pairs[i].Row;
                }
            }

            for (int i = 0; i < count; i++)
            {
                items[start + i] = rows[group[i]].Item;
            }
        }

        return new UserSequences(starts, items);
    }

    /// <summary>The items of <paramref name="user"/>, oldest first.</summary>
    public ReadOnlySpan<int> Of(int user) => _items.AsSpan(_starts[user], _starts[user + 1] - _starts[user]);

    private static bool IsSorted(ReadOnlySpan<long> keys)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
