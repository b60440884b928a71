namespace KnowRec.Data.Splits;

/// <content>Protocols that decide user by user: user-ratio and leave-last-out.</content>
public static partial class Splitter
{
    // Per user: a seeded partial Fisher–Yates shuffle of that user's rows picks HoldoutCount of them for test.
    // Users are visited in index order with one generator, so the result does not depend on anything but the seed.
    private static bool[] UserRatioMask(Dataset data, SplitOptions options)
    {
        var (starts, grouped) = GroupByUser(data);
        var isTest = new bool[grouped.Length];
        var random = new Random(options.Seed);
        for (int u = 0; u + 1 < starts.Length; u++)
        {
            int start = starts[u];
            int n = starts[u + 1] - start;
            int k = HoldoutCount(n, options.TestRatio);
            var span = grouped.AsSpan(start, n);
            for (int i = 0; i < k; i++)
            {
                int j = random.Next(i, n);
                (span[i], span[j]) = (span[j], span[i]);
                isTest[span[i]] = true;
            }
        }

        return isTest;
    }

    // Per user: the row with the largest timestamp; among equal timestamps the later row in the source wins, because
    // appended logs list later events further down. Users with fewer than two rows stay wholly in train.
    private static bool[] LeaveLastOutMask(Dataset data)
    {
        RequireTimestamps(data, SplitProtocol.LeaveLastOut);
        var rows = RowsOf(data);
        int users = data.Users.Count;
        var last = new int[users];
        var counts = new int[users];
        for (int r = 0; r < rows.Length; r++)
        {
            int u = rows[r].User;
            if ((uint)u >= (uint)users)
            {
                throw new ArgumentException($"Row {r} has user index {u}, outside the {users} users of dataset '{data.Name}'.", nameof(data));
            }

            if (counts[u]++ == 0 || rows[r].Timestamp >= rows[last[u]].Timestamp)
            {
                last[u] = r;
            }
        }

        var isTest = new bool[rows.Length];
        for (int u = 0; u < users; u++)
        {
            if (counts[u] >= 2)
            {
                isTest[last[u]] = true;
            }
        }

        return isTest;
    }
}
