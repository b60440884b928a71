using KnowRec.Data;

namespace KnowRec.Features;

/// <summary>A user's profile in an item vector space: the weighted mean of the vectors of the items in their training history.</summary>
/// <remarks>
/// p_u = Σ_{i ∈ H_u} w_ui · x_i / Σ_{i ∈ H_u} |w_ui|, the classic content-based profile (Pazzani &amp; Billsus 2007, "Content-Based
/// Recommendation Systems", §3; Rocchio-style with the rating as relevance feedback), where H_u is the user's training
/// items whose vector is present (absent items are skipped: they carry no evidence) and
/// w_ui = ρ(r_ui) · exp(−(t_u − t_ui) / τ):
/// ρ is 1 for implicit data and for <see cref="RatingWeighting.Uniform"/>, max(r − r̄_u, 0) for
/// <see cref="RatingWeighting.AboveMean"/> (1 for every item when all are at the mean), r − r̄_u for
/// <see cref="RatingWeighting.Centered"/>, with r̄_u the mean of all the user's training values; t_u is the user's
/// latest training time, so the newest item weighs ρ and one τ older weighs ρ/e (no decay when τ is unset or the data
/// has no timestamps). A user with no weighted evidence gets the zero vector. O(nnz · dimension).
/// </remarks>
public static class UserProfiles
{
    private const double SecondsPerDay = 86_400;

    /// <summary>The profile of every user of <paramref name="train"/> in the space of <paramref name="items"/> (users × dimension, row-major).</summary>
    public static FeatureMatrix Build(Dataset train, ItemVectors items, UserProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(items);
        options ??= new UserProfileOptions();
        options.Validate();
        if (items.Vectors.Rows != train.Items.Count)
        {
            throw new ArgumentException($"Source '{items.Name}' has {items.Vectors.Rows} rows; the dataset has {train.Items.Count} items.", nameof(items));
        }

        int users = train.Users.Count, d = items.Dimension;
        var mean = new double[users];
        var count = new int[users];
        var latest = new long[users];
        Array.Fill(latest, long.MinValue);
        foreach (var row in train.Interactions)
        {
            mean[row.User] += row.Value;
            count[row.User]++;
            if (row.HasTimestamp)
            {
                latest[row.User] = Math.Max(latest[row.User], row.Timestamp);
            }
        }

        for (int u = 0; u < users; u++)
        {
            mean[u] = count[u] > 0 ? mean[u] / count[u] : 0;
        }

        var weighting = train.Feedback == FeedbackKind.Explicit ? options.RatingWeighting : RatingWeighting.Uniform;
        double tau = options.RecencyDays is > 0 and var days ? days * SecondsPerDay : 0;
        var anyAbove = new bool[users];
        foreach (var row in train.Interactions)
        {
            anyAbove[row.User] |= row.Value > mean[row.User];
        }

        var sums = new double[(long)users * d];
        var total = new double[users];
        foreach (var row in train.Interactions)
        {
            if (!items.IsPresent(row.Item))
            {
                continue;
            }

            int u = row.User;
            double w = weighting switch
            {
                RatingWeighting.AboveMean => anyAbove[u] ? Math.Max(row.Value - mean[u], 0) : 1,
                RatingWeighting.Centered => row.Value - mean[u],
                _ => 1,
            };
            if (tau > 0 && row.HasTimestamp)
            {
                w *= Math.Exp(-(latest[u] - row.Timestamp) / tau);
            }

            if (w == 0)
            {
                continue;
            }

            total[u] += Math.Abs(w);
            var x = items.Row(row.Item);
            var target = sums.AsSpan((int)((long)u * d), d);
            for (int c = 0; c < d; c++)
            {
                target[c] += w * x[c];
            }
        }

        var profiles = new float[(long)users * d];
        for (int u = 0; u < users; u++)
        {
            if (total[u] > 0)
            {
                for (int c = 0; c < d; c++)
                {
                    profiles[((long)u * d) + c] = (float)(sums[((long)u * d) + c] / total[u]);
                }
            }
        }

        return new FeatureMatrix(users, d, profiles);
    }
}
