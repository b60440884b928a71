using System.Globalization;

namespace KnowRec.Data.Synthetic;

/// <summary>A small built-in catalogue with real structure, for when no dataset can be had (no files, no network).</summary>
/// <remarks>
/// Items belong to genres and have a long-tailed popularity; each user likes two genres. A user picks items with
/// probability ∝ popularity × (strong boost for liked genres) and rates liked-genre items higher, so personalised models
/// have something to learn and popularity beats random. Deterministic for a seed.
/// </remarks>
public static class SyntheticCatalogue
{
    private static readonly string[] Genres = ["Adventure", "Comedy", "Drama", "Mystery", "Romance", "Science Fiction"];

    /// <summary>Builds the catalogue: explicit 1–5 ratings with timestamps, titles and genres.</summary>
    public static Dataset Create(int users = 300, int items = 240, int ratingsPerUser = 30, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, Genres.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(ratingsPerUser, 1);
        ratingsPerUser = Math.Min(ratingsPerUser, items);
        var random = new System.Random(seed);
        var userMap = new IdMap(Enumerable.Range(1, users).Select(u => u.ToString(CultureInfo.InvariantCulture)));
        var itemMap = new IdMap(Enumerable.Range(1, items).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var genreOf = new int[items];
        var weight = new double[items];
        var metadata = new ItemMetadata?[items];
        for (int i = 0; i < items; i++)
        {
            genreOf[i] = i % Genres.Length;
            weight[i] = 1.0 / Math.Pow(1 + random.Next(items), 0.8);
            int year = 1970 + random.Next(50);
            metadata[i] = new ItemMetadata
            {
                Title = $"Synthetic {Genres[genreOf[i]]} #{i + 1} ({year})",
                Year = year,
                Genres = [Genres[genreOf[i]]],
            };
        }

        var rows = new List<Interaction>(users * ratingsPerUser);
        var chosen = new HashSet<int>();
        long start = 946_684_800; // 2000-01-01
        for (int u = 0; u < users; u++)
        {
            int likedA = random.Next(Genres.Length);
            int likedB = (likedA + 1 + random.Next(Genres.Length - 1)) % Genres.Length;
            chosen.Clear();
            while (chosen.Count < ratingsPerUser)
            {
                int item = Pick(random, weight, genreOf, likedA, likedB);
                if (!chosen.Add(item))
                {
                    continue;
                }

                bool liked = genreOf[item] == likedA || genreOf[item] == likedB;
                int rating = Math.Clamp((liked ? 4 : 2) + random.Next(-1, 2), 1, 5);
                rows.Add(new Interaction(u, item, rating, start + (u * 86_400L) + (chosen.Count * 3_600L)));
            }
        }

        return new Dataset("synthetic", userMap, itemMap, rows)
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
            HasTimestamps = true,
            ItemMetadata = metadata,
            UserAttributes = new IReadOnlyDictionary<string, string>?[users],
        };
    }

    private static int Pick(System.Random random, double[] weight, int[] genreOf, int likedA, int likedB)
    {
        // Liked genres get 8× the weight: strong enough to learn, weak enough that popularity still matters.
        double total = 0;
        for (int i = 0; i < weight.Length; i++)
        {
            total += Boost(i);
        }

        double target = random.NextDouble() * total;
        for (int i = 0; i < weight.Length; i++)
        {
            target -= Boost(i);
            if (target <= 0)
            {
                return i;
            }
        }

        return weight.Length - 1;

        double Boost(int i) => weight[i] * (genreOf[i] == likedA || genreOf[i] == likedB ? 8 : 1);
    }
}
