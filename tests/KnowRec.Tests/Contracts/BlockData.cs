using KnowRec.Data;

namespace KnowRec.Tests.Contracts;

/// <summary>
/// A block-structured implicit dataset: users 0–3 use items 0–3 (block A), users 4–7 use items 4–7 (block B), and
/// user b·4 + j misses item b·4 + j of its own block. Any model that learns co-occurrence must rank the missing
/// same-block item first: it shares three co-users and three co-items with the user's history, while no item of the
/// other block shares a single user with it.
/// </summary>
public static class BlockData
{
    public static Dataset Create()
    {
        var users = new IdMap(Enumerable.Range(0, 8).Select(u => $"u{u}"));
        var items = new IdMap(Enumerable.Range(0, 8).Select(i => $"i{i}"));
        var rows = new List<Interaction>();
        for (int u = 0; u < 8; u++)
        {
            int block = u / 4 * 4;
            for (int i = block; i < block + 4; i++)
            {
                if (i != u)
                {
                    rows.Add(new Interaction(u, i, 1));
                }
            }
        }

        return new Dataset("blocks", users, items, rows);
    }
}
