using KnowRec.Data;

namespace KnowRec.Tests.Contracts;

/// <summary>TinyData's rows with star ratings, for models that predict ratings; the arithmetic in tests uses these values.</summary>
public static class TinyRatings
{
    // Same cells as TinyData, rated 1..5 so that the mean μ is exactly 3 (sum 33 over 11 rows):
    //        i0 i1 i2 i3 i4 i5
    //   u0:   4  3  .  2  .  .
    //   u1:   5  2  4  .  .  .
    //   u2:   4  .  3  .  .  .
    //   u3:   3  1  .  .  2  .
    //   u4:   .  .  .  .  .  .
    private static readonly Dictionary<(int User, int Item), float> Stars = new()
    {
        [(0, 0)] = 4,
        [(0, 1)] = 3,
        [(0, 3)] = 2,
        [(1, 0)] = 5,
        [(1, 1)] = 2,
        [(1, 2)] = 4,
        [(2, 0)] = 4,
        [(2, 2)] = 3,
        [(3, 0)] = 3,
        [(3, 1)] = 1,
        [(3, 4)] = 2,
    };

    public static Dataset Create() => Rate(TinyData.Create());

    /// <summary>The rows of a TinyData dataset (or a subset of them) with the star ratings above, on a 1–5 scale.</summary>
    public static Dataset Rate(Dataset tiny) =>
        new(tiny.Name, tiny.Users, tiny.Items, [.. tiny.Interactions.Select(r => r with { Value = Stars[(r.User, r.Item)] })])
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
        };
}
