using KnowRec.Data;

namespace KnowRec.Tests.Data.Splits;

/// <summary>Small seeded datasets built in code, so split tests need no reader and no files.</summary>
internal static class SyntheticData
{
    /// <summary>
    /// Users with between <paramref name="minPerUser"/> and <paramref name="maxPerUser"/> distinct items each, ratings 1–5,
    /// timestamps from a narrow range (so ties occur), rows shuffled so no protocol can rely on grouped input.
    /// </summary>
    public static Dataset Create(
        int users = 60,
        int items = 40,
        int seed = 7,
        int minPerUser = 1,
        int maxPerUser = 15,
        bool timestamps = true)
    {
        var random = new Random(seed);
        var rows = new List<Interaction>();
        var pool = Enumerable.Range(0, items).ToArray();
        for (int u = 0; u < users; u++)
        {
            int count = random.Next(minPerUser, maxPerUser + 1);
            for (int i = 0; i < count; i++)
            {
                int j = random.Next(i, items);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                long time = timestamps ? 1_000_000 + random.Next(0, 500) : Interaction.NoTimestamp;
                rows.Add(new Interaction(u, pool[i], random.Next(1, 6), time));
            }
        }

        for (int i = rows.Count - 1; i > 0; i--)
        {
            int j = random.Next(0, i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        return FromRows(rows, users, items, timestamps);
    }

    /// <summary>A dataset over users u0.. and items i0.. holding exactly <paramref name="rows"/>.</summary>
    public static Dataset FromRows(IReadOnlyList<Interaction> rows, int users, int items, bool timestamps = true) =>
        new("synthetic", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), rows)
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
            HasTimestamps = timestamps,
        };

    /// <summary>The same dataset with a seeded fixed test mask marking about a quarter of the rows.</summary>
    public static Dataset WithMask(Dataset data, int seed = 3)
    {
        var random = new Random(seed);
        var mask = new bool[data.Interactions.Count];
        for (int r = 0; r < mask.Length; r++)
        {
            mask[r] = random.NextDouble() < 0.25;
        }

        return new Dataset(data.Name, data.Users, data.Items, data.Interactions)
        {
            Feedback = data.Feedback,
            RatingScale = data.RatingScale,
            HasTimestamps = data.HasTimestamps,
            FixedTestMask = mask,
        };
    }
}
