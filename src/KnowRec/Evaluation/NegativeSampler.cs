namespace KnowRec.Evaluation;

/// <summary>Draws items a user has not interacted with, reproducibly from (seed, user) whatever the thread order.</summary>
internal sealed class NegativeSampler
{
    private readonly Random _random;
    private readonly HashSet<int> _excluded;
    private readonly int _items;
    private int[]? _available;

    /// <summary>Creates the sampler of one user.</summary>
    /// <param name="seed">Evaluation seed.</param>
    /// <param name="user">User index; mixed into the seed so each user has an independent stream.</param>
    /// <param name="items">Catalogue size.</param>
    /// <param name="excluded">Items never to draw: the user's train and test items.</param>
    public NegativeSampler(int seed, int user, int items, HashSet<int> excluded)
    {
        _random = new Random(Mix(seed, user));
        _items = items;
        _excluded = excluded;
    }

    /// <summary>Number of items that can be drawn.</summary>
    public int Available => _items - _excluded.Count;

    /// <summary>Writes <paramref name="count"/> distinct allowed items after <paramref name="into"/>'s current end, or every allowed item when fewer exist.</summary>
    public void Draw(int count, List<int> into)
    {
        if (count >= Available)
        {
            into.AddRange(AvailableItems());
            return;
        }

        // Rejection sampling costs O(count) when most of the catalogue is allowed; when it is not, a partial
        // Fisher–Yates shuffle over the allowed items avoids many rejected draws.
        if (Available >= _items / 2)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < count)
            {
                int item = _random.Next(_items);
                if (!_excluded.Contains(item) && chosen.Add(item))
                {
                    into.Add(item);
                }
            }

            return;
        }

        int[] pool = AvailableItems();
        for (int i = 0; i < count; i++)
        {
            int j = _random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            into.Add(pool[i]);
        }
    }

    // SplitMix64 finaliser: nearby (seed, user) pairs give unrelated streams.
    private static int Mix(int seed, int user)
    {
        ulong z = ((ulong)(uint)seed << 32) | (uint)user;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }

    // Built once in ascending order, so it does not depend on hash-set order; later partial shuffles permute it in
    // place, which keeps each draw uniform and, being seeded, reproducible.
    private int[] AvailableItems()
    {
        if (_available is null)
        {
            _available = new int[Available];
            int at = 0;
            for (int item = 0; item < _items; item++)
            {
                if (!_excluded.Contains(item))
                {
                    _available[at++] = item;
                }
            }
        }

        return _available;
    }
}
