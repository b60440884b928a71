namespace KnowRec.Data.Splits;

/// <content>Protocols that decide over all rows or items at once: random, temporal, kfold, fixed and cold-items.</content>
public static partial class Splitter
{
    private static bool[] RandomMask(Dataset data, SplitOptions options)
    {
        int n = data.Interactions.Count;
        int k = HoldoutCount(n, options.TestRatio);
        var order = Shuffled(n, k, new Random(options.Seed));
        var isTest = new bool[n];
        foreach (int r in order.AsSpan(0, k))
        {
            isTest[r] = true;
        }

        return isTest;
    }

    private static bool[] TemporalMask(Dataset data, SplitOptions options)
    {
        RequireTimestamps(data, SplitProtocol.Temporal);
        var rows = RowsOf(data);
        int n = rows.Length;
        var isTest = new bool[n];
        if (options.TemporalCut is long cut)
        {
            int testCount = 0;
            for (int r = 0; r < n; r++)
            {
                isTest[r] = rows[r].Timestamp >= cut;
                testCount += isTest[r] ? 1 : 0;
            }

            // An empty side is almost always a unit mistake (milliseconds for seconds), so it is an error, not a quiet no-op.
            if (n > 0 && (testCount == 0 || testCount == n))
            {
                throw new ArgumentException(
                    $"TemporalCut {cut} puts {(testCount == 0 ? "no" : "every")} row of dataset '{data.Name}' in test; "
                    + "it should lie inside the data's time range (Unix seconds).",
                    nameof(options));
            }

            return isTest;
        }

        int k = HoldoutCount(n, options.TestRatio);
        if (k == 0)
        {
            return isTest;
        }

        // The k-th latest timestamp is the boundary: rows after it go to test, and of the rows exactly at it, only as
        // many as are still needed, latest in row order first, so the count is exact and ties resolve deterministically.
        var times = new long[n];
        for (int r = 0; r < n; r++)
        {
            times[r] = rows[r].Timestamp;
        }

        Array.Sort(times);
        long boundary = times[n - k];
        int needAtBoundary = k;
        for (int r = 0; r < n; r++)
        {
            if (rows[r].Timestamp > boundary)
            {
                isTest[r] = true;
                needAtBoundary--;
            }
        }

        for (int r = n - 1; r >= 0 && needAtBoundary > 0; r--)
        {
            if (rows[r].Timestamp == boundary)
            {
                isTest[r] = true;
                needAtBoundary--;
            }
        }

        return isTest;
    }

    // A seeded permutation cut into Folds contiguous blocks whose sizes differ by at most one.
    private static DataSplit[] KFold(Dataset data, SplitOptions options)
    {
        int n = data.Interactions.Count;
        int folds = options.Folds;
        if (n < folds)
        {
            throw new ArgumentException($"Dataset '{data.Name}' has {n} rows, fewer than the {folds} folds asked for; every fold needs a row.", nameof(data));
        }

        var order = Shuffled(n, n, new Random(options.Seed));
        var foldOf = new int[n];
        for (int p = 0; p < n; p++)
        {
            foldOf[order[p]] = (int)((long)p * folds / n);
        }

        var splits = new DataSplit[folds];
        var isTest = new bool[n];
        for (int f = 0; f < folds; f++)
        {
            for (int r = 0; r < n; r++)
            {
                isTest[r] = foldOf[r] == f;
            }

            splits[f] = Partition(data, isTest, SplitProtocol.KFold, f);
        }

        return splits;
    }

    private static bool[] FixedMask(Dataset data)
    {
        var mask = data.FixedTestMask
            ?? throw new ArgumentException(
                $"Dataset '{data.Name}' has no FixedTestMask; the fixed protocol needs a source that ships its own train/test split.",
                nameof(data));
        if (mask.Count != data.Interactions.Count)
        {
            throw new ArgumentException(
                $"Dataset '{data.Name}' has a FixedTestMask of {mask.Count} entries for {data.Interactions.Count} rows.",
                nameof(data));
        }

        var isTest = new bool[mask.Count];
        for (int r = 0; r < isTest.Length; r++)
        {
            isTest[r] = mask[r];
        }

        return isTest;
    }

    // Only items that occur in the rows are candidates: holding out an item nobody touched would change nothing.
    private static bool[] ColdItemsMask(Dataset data, SplitOptions options)
    {
        var rows = RowsOf(data);
        int items = data.Items.Count;
        var seen = new bool[items];
        int active = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            int i = rows[r].Item;
            if ((uint)i >= (uint)items)
            {
                throw new ArgumentException($"Row {r} has item index {i}, outside the {items} items of dataset '{data.Name}'.", nameof(data));
            }

            if (!seen[i])
            {
                seen[i] = true;
                active++;
            }
        }

        // Candidates in index order, so the seeded shuffle sees the same list every time.
        var candidates = new int[active];
        for (int i = 0, at = 0; i < items; i++)
        {
            if (seen[i])
            {
                candidates[at++] = i;
            }
        }

        int k = HoldoutCount(active, options.TestRatio);
        var random = new Random(options.Seed);
        var held = new bool[items];
        for (int p = 0; p < k; p++)
        {
            int j = random.Next(p, active);
            (candidates[p], candidates[j]) = (candidates[j], candidates[p]);
            held[candidates[p]] = true;
        }

        var isTest = new bool[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            isTest[r] = held[rows[r].Item];
        }

        return isTest;
    }

    // 0..n−1 with the first `prefix` positions drawn by a partial Fisher–Yates shuffle; the rest stay in a fixed order.
    private static int[] Shuffled(int n, int prefix, Random random)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        for (int i = 0; i < prefix && i < n - 1; i++)
        {
            int j = random.Next(i, n);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
