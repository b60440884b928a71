using KnowRec.Data;

namespace KnowRec.Tests.Evaluation;

/// <summary>Builds small train/test splits in code, with ids u0.. and i0.. .</summary>
internal static class SplitBuilder
{
    public static DataSplit Build(
        int users,
        int items,
        IEnumerable<Interaction> train,
        IEnumerable<Interaction> test,
        FeedbackKind feedback = FeedbackKind.Implicit)
    {
        var userMap = new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}"));
        var itemMap = new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}"));
        var trainSet = new Dataset("tiny", userMap, itemMap, [.. train]) { Feedback = feedback };
        return new DataSplit(trainSet, trainSet.WithInteractions([.. test]), "holdout");
    }

    /// <summary>Implicit rows (value 1) from (user, item) pairs.</summary>
    public static IEnumerable<Interaction> Rows(params (int User, int Item)[] pairs) =>
        pairs.Select(p => new Interaction(p.User, p.Item, 1f));

    /// <summary>
    /// A random implicit dataset: each user gets 5–30 train items and 0–8 disjoint test items (some users none);
    /// scores are rounded to 1/50 so ties are common and tie-breaking is exercised.
    /// </summary>
    public static (DataSplit Split, float[,] Scores) Random(int users, int items, int seed, FeedbackKind feedback = FeedbackKind.Implicit)
    {
        var random = new Random(seed);
        var train = new List<Interaction>();
        var test = new List<Interaction>();
        for (int u = 0; u < users; u++)
        {
            int[] order = [.. Enumerable.Range(0, items).OrderBy(_ => random.Next())];
            int trainCount = random.Next(5, 31);
            int testCount = random.Next(0, 4) == 0 ? 0 : random.Next(1, 9);
            train.AddRange(order.Take(trainCount).Select(i => new Interaction(u, i, random.Next(1, 6))));
            test.AddRange(order.Skip(trainCount).Take(testCount).Select(i => new Interaction(u, i, random.Next(1, 6))));
        }

        var scores = new float[users, items];
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < items; i++)
            {
                scores[u, i] = random.Next(0, 51) / 50f;
            }
        }

        return (Build(users, items, train, test, feedback), scores);
    }
}
