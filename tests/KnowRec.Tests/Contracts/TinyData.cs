using KnowRec.Data;

namespace KnowRec.Tests.Contracts;

/// <summary>A tiny implicit dataset whose right answers can be worked out by hand.</summary>
public static class TinyData
{
    // Users u0..u4, items i0..i5. Item popularity (users): i0=4, i1=3, i2=2, i3=1, i4=1, i5=0.
    // u4 has no interactions at all (the "empty user").
    public static Dataset Create()
    {
        var users = new IdMap(["u0", "u1", "u2", "u3", "u4"]);
        var items = new IdMap(["i0", "i1", "i2", "i3", "i4", "i5"]);
        Interaction[] rows =
        [
            new(0, 0, 1), new(0, 1, 1), new(0, 3, 1),
            new(1, 0, 1), new(1, 1, 1), new(1, 2, 1),
            new(2, 0, 1), new(2, 2, 1),
            new(3, 0, 1), new(3, 1, 1), new(3, 4, 1),
        ];
        return new Dataset("tiny", users, items, rows);
    }
}
