using KnowRec.Data;

namespace KnowRec.Tests.Contracts;

/// <summary>A seeded random explicit dataset, dense enough that every neighbourhood option changes some prediction.</summary>
public static class RandomRatings
{
    public static Dataset Create(int users = 40, int items = 30, double density = 0.4, int seed = 3)
    {
        var random = new Random(seed);
        var rows = new List<Interaction>();
        for (int u = 0; u < users; u++)
        {
            // Each user leans high or low and each item is better or worse, so correlations exist to be found.
            int lean = u % 3;
            for (int i = 0; i < items; i++)
            {
                if (random.NextDouble() < density)
                {
                    int stars = Math.Clamp(1 + lean + (i % 3) + random.Next(-1, 2), 1, 5);
                    rows.Add(new Interaction(u, i, stars));
                }
            }
        }

        return new Dataset(
            "random-ratings",
            new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")),
            rows)
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
        };
    }
}
