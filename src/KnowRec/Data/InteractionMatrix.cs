namespace KnowRec.Data;

/// <summary>Sparse user × item matrix in compressed sparse row (CSR) form, with one value per stored entry.</summary>
/// <remarks>Immutable and thread-safe. Column indices within a row are sorted ascending, so membership is a binary search.</remarks>
public sealed class InteractionMatrix
{
    private readonly int[] _rowStarts;
    private readonly int[] _columns;
    private readonly float[] _values;

    private InteractionMatrix(int users, int items, int[] rowStarts, int[] columns, float[] values)
    {
        Users = users;
        Items = items;
        _rowStarts = rowStarts;
        _columns = columns;
        _values = values;
    }

    /// <summary>Number of rows (users).</summary>
    public int Users { get; }

    /// <summary>Number of columns (items).</summary>
    public int Items { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => _columns.Length;

    /// <summary>Share of cells that are empty, in [0, 1].</summary>
    public double Sparsity => Users == 0 || Items == 0 ? 1.0 : 1.0 - ((double)NonZeros / ((double)Users * Items));

    /// <summary>Builds a matrix from (row, column, value) entries; entries at the same cell are summed.</summary>
    public static InteractionMatrix FromEntries(int users, int items, IEnumerable<Interaction> entries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(users);
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries as IReadOnlyCollection<Interaction> ?? entries.ToList();
        var counts = new int[users + 1];
        foreach (var e in list)
        {
            if ((uint)e.User >= (uint)users || (uint)e.Item >= (uint)items)
            {
                throw new ArgumentOutOfRangeException(nameof(entries), $"Entry ({e.User}, {e.Item}) is outside a {users} × {items} matrix.");
            }

            counts[e.User + 1]++;
        }

        for (int u = 0; u < users; u++)
        {
            counts[u + 1] += counts[u];
        }

        var columns = new int[list.Count];
        var values = new float[list.Count];
        var next = (int[])counts.Clone();
        foreach (var e in list)
        {
            int at = next[e.User]++;
            columns[at] = e.Item;
            values[at] = e.Value;
        }

        return Compact(users, items, counts, columns, values);
    }

    /// <summary>Wraps raw CSR arrays after checking that they describe a valid matrix with sorted, distinct columns per row.</summary>
    /// <exception cref="InvalidDataException">The arrays are inconsistent.</exception>
    public static InteractionMatrix FromCsr(int users, int items, int[] rowStarts, int[] columns, float[] values)
    {
        ArgumentNullException.ThrowIfNull(rowStarts);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (users < 0 || items < 0 || rowStarts.Length != users + 1 || columns.Length != values.Length
            || rowStarts[0] != 0 || rowStarts[users] != columns.Length)
        {
            throw new InvalidDataException("CSR arrays have inconsistent lengths.");
        }

        for (int u = 0; u < users; u++)
        {
            if (rowStarts[u + 1] < rowStarts[u])
            {
                throw new InvalidDataException($"CSR row {u} has a negative length.");
            }

            for (int k = rowStarts[u]; k < rowStarts[u + 1]; k++)
            {
                if ((uint)columns[k] >= (uint)items || (k > rowStarts[u] && columns[k] <= columns[k - 1]))
                {
                    throw new InvalidDataException($"CSR row {u} has an out-of-range or unsorted column.");
                }
            }
        }

        return new InteractionMatrix(users, items, rowStarts, columns, values);
    }

    // Sorts each row by column and sums duplicate cells, so rows are strictly increasing.
    private static InteractionMatrix Compact(int users, int items, int[] rowStarts, int[] columns, float[] values)
    {
        var outStarts = new int[users + 1];
        int write = 0;
        for (int u = 0; u < users; u++)
        {
            int start = rowStarts[u];
            int end = rowStarts[u + 1];
            Array.Sort(columns, values, start, end - start);
            outStarts[u] = write;
            for (int k = start; k < end; k++)
            {
                if (write > outStarts[u] && columns[write - 1] == columns[k])
                {
                    values[write - 1] += values[k];
                }
                else
                {
                    columns[write] = columns[k];
                    values[write] = values[k];
                    write++;
                }
            }
        }

        outStarts[users] = write;
        if (write != columns.Length)
        {
            Array.Resize(ref columns, write);
            Array.Resize(ref values, write);
        }

        return new InteractionMatrix(users, items, outStarts, columns, values);
    }

    /// <summary>The items of one user, ascending.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => _columns.AsSpan(_rowStarts[user], _rowStarts[user + 1] - _rowStarts[user]);

    /// <summary>The values of one user, aligned with <see cref="ItemsOf"/>.</summary>
    public ReadOnlySpan<float> ValuesOf(int user) => _values.AsSpan(_rowStarts[user], _rowStarts[user + 1] - _rowStarts[user]);

    /// <summary>Number of entries in one row.</summary>
    public int CountOf(int user) => _rowStarts[user + 1] - _rowStarts[user];

    /// <summary>True when the cell (user, item) is stored.</summary>
    public bool Contains(int user, int item) => ItemsOf(user).BinarySearch(item) >= 0;

    /// <summary>Row start offsets (length Users + 1), for kernels that walk the raw CSR arrays.</summary>
    public ReadOnlySpan<int> RowStarts => _rowStarts;

    /// <summary>Column indices of all entries, row by row.</summary>
    public ReadOnlySpan<int> Columns => _columns;

    /// <summary>Values of all entries, row by row.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The item × user matrix.</summary>
    public InteractionMatrix Transpose()
    {
        var starts = new int[Items + 1];
        foreach (int c in _columns)
        {
            starts[c + 1]++;
        }

        for (int i = 0; i < Items; i++)
        {
            starts[i + 1] += starts[i];
        }

        var next = (int[])starts.Clone();
        var columns = new int[_columns.Length];
        var values = new float[_values.Length];
        for (int u = 0; u < Users; u++)
        {
            for (int k = _rowStarts[u]; k < _rowStarts[u + 1]; k++)
            {
                int at = next[_columns[k]]++;
                columns[at] = u;
                values[at] = _values[k];
            }
        }

        // Rows were visited in order, so each transposed row is already sorted.
        return new InteractionMatrix(Items, Users, starts, columns, values);
    }
}
