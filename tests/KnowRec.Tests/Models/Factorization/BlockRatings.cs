using KnowRec.Data;

namespace KnowRec.Tests.Models.Factorization;

/// <summary>Two taste groups on a 1–5 scale, so a one-factor structure explains every rating but item means mislead.</summary>
public static class BlockRatings
{
    // Group A (u0, u1, u2) gives i0, i1 a 5 and i2, i3 a 1; group B (u3, u4, u5) the reverse. Left out: u0's i1 and i3,
    // u3's i0 and i2, u4's i1 and u5's i0. Item means (4, 3, 2.6, 3.4) then say i3 > i1 for u0 and i0 > i2 for u3,
    // while u0's co-raters (i0 = 5, i2 = 1 is group A's pattern) say i1 > i3 and u3's say i2 > i0: only factors get it right.
    public static Dataset Create()
    {
        var users = new IdMap(["u0", "u1", "u2", "u3", "u4", "u5"]);
        var items = new IdMap(["i0", "i1", "i2", "i3"]);
        Interaction[] rows =
        [
            new(0, 0, 5), new(0, 2, 1),
            new(1, 0, 5), new(1, 1, 5), new(1, 2, 1), new(1, 3, 1),
            new(2, 0, 5), new(2, 1, 5), new(2, 2, 1), new(2, 3, 1),
            new(3, 1, 1), new(3, 3, 5),
            new(4, 0, 1), new(4, 2, 5), new(4, 3, 5),
            new(5, 1, 1), new(5, 2, 5), new(5, 3, 5),
        ];
        return new Dataset("blocks", users, items, rows) { Feedback = FeedbackKind.Explicit, RatingScale = (1f, 5f) };
    }
}
