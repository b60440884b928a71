namespace KnowRec.Data.Splits;

/// <content>The cold-users protocol: new users with a few rows (or none) in train.</content>
public static partial class Splitter
{
    // Candidates are users with more rows than the kept history, so every new user has at least one test row; the
    // share is taken of those candidates. Earliest rows are kept because a new user's first few actions are what a
    // service sees; without timestamps, file order stands in for time.
    private static bool[] ColdUsersMask(Dataset data, SplitOptions options)
    {
        var rows = RowsOf(data);
        var (starts, byUser) = GroupByUser(data);
        int keep = options.ColdUserHistory;
        int users = data.Users.Count;
        var candidates = new List<int>();
        for (int u = 0; u < users; u++)
        {
            if (starts[u + 1] - starts[u] > keep)
            {
                candidates.Add(u);
            }
        }

        if (candidates.Count < 2)
        {
            throw new ArgumentException($"cold-users needs at least two users with more than {keep} rows; dataset '{data.Name}' has {candidates.Count}.", nameof(data));
        }

        int k = HoldoutCount(candidates.Count, options.TestRatio);
        var random = new Random(options.Seed);
        var isTest = new bool[rows.Length];
        for (int p = 0; p < k; p++)
        {
            // Partial Fisher–Yates: the first k of a seeded shuffle.
            int pick = random.Next(p, candidates.Count);
            (candidates[p], candidates[pick]) = (candidates[pick], candidates[p]);
            int u = candidates[p];
            var own = byUser[starts[u]..starts[u + 1]];
            if (data.HasTimestamps)
            {
                // By time, ties in file order, so the kept history is reproducible.
                var times = new long[own.Length];
                for (int j = 0; j < own.Length; j++)
                {
                    times[j] = rows[own[j]].Timestamp;
                }

                var order = Enumerable.Range(0, own.Length).OrderBy(j => times[j]).ThenBy(j => j).ToArray();
                own = [.. order.Select(j => own[j])];
            }

            for (int j = keep; j < own.Length; j++)
            {
                isTest[own[j]] = true;
            }
        }

        return isTest;
    }
}
