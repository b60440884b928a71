namespace KnowRec.Numerics;

/// <summary>
/// A constant sparse matrix whose every entry also names a relation: row h lists (column t, relation r, weight w), for
/// aggregations of the form out[h] = Σ w · e_r ⊙ x[t] over a knowledge graph (KGIN, Wang et al. 2021, eq. 9).
/// </summary>
/// <remarks>
/// Besides the rows it keeps, built once, each column's entries and each relation's entries in a fixed order, so that
/// the backward step of <see cref="Autodiff.Ops.RelationalAggregate"/> writes every gradient row from one thread in
/// one order. Immutable and thread-safe.
/// </remarks>
public sealed class RelationalAdjacency
{
    private readonly int[] _starts;
    private readonly int[] _columns;
    private readonly int[] _relations;
    private readonly float[] _weights;
    private readonly int[] _rowOfEntry;

    /// <summary>A matrix over copies of CSR arrays.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="relationCount">Number of relations.</param>
    /// <param name="rowStarts">Length rows + 1, from 0, non-decreasing, ending at the number of entries.</param>
    /// <param name="columnIndices">Column of each entry, in [0, columns).</param>
    /// <param name="relations">Relation of each entry, in [0, relationCount).</param>
    /// <param name="weights">Weight of each entry, finite.</param>
    /// <exception cref="ArgumentException">The arrays do not describe such a matrix; the message says why.</exception>
    public RelationalAdjacency(int rows, int columns, int relationCount, int[] rowStarts, int[] columnIndices, int[] relations, float[] weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(relationCount);
        ArgumentNullException.ThrowIfNull(rowStarts);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(weights);
        int entries = columnIndices.Length;
        if (rowStarts.Length != rows + 1 || rowStarts[0] != 0 || rowStarts[rows] != entries || relations.Length != entries || weights.Length != entries)
        {
            throw new ArgumentException($"Row starts must have {rows + 1} elements from 0 to the {entries} entries, with one relation and one weight per entry.", nameof(rowStarts));
        }

        _rowOfEntry = new int[entries];
        for (int r = 0; r < rows; r++)
        {
            if (rowStarts[r + 1] < rowStarts[r])
            {
                throw new ArgumentException($"Row starts decrease at row {r}.", nameof(rowStarts));
            }

            _rowOfEntry.AsSpan(rowStarts[r], rowStarts[r + 1] - rowStarts[r]).Fill(r);
        }

        for (int e = 0; e < entries; e++)
        {
            if ((uint)columnIndices[e] >= (uint)columns || (uint)relations[e] >= (uint)relationCount || !float.IsFinite(weights[e]))
            {
                throw new ArgumentException($"Entry {e}: column {columnIndices[e]}, relation {relations[e]} or weight {weights[e]} is out of range.", nameof(columnIndices));
            }
        }

        (Rows, Columns, RelationCount) = (rows, columns, relationCount);
        (_starts, _columns, _relations, _weights) = ((int[])rowStarts.Clone(), (int[])columnIndices.Clone(), (int[])relations.Clone(), (float[])weights.Clone());
        (ColumnStarts, EntriesByColumn) = Group(_columns, columns);
        (RelationStarts, EntriesByRelation) = Group(_relations, relationCount);
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Number of relations.</summary>
    public int RelationCount { get; }

    /// <summary>Number of entries.</summary>
    public int Entries => _columns.Length;

    internal ReadOnlySpan<int> RowStarts => _starts;

    internal ReadOnlySpan<int> ColumnIndices => _columns;

    internal ReadOnlySpan<int> Relations => _relations;

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<int> RowOfEntry => _rowOfEntry;

    /// <summary>Start of each column's run in <see cref="EntriesByColumn"/>.</summary>
    internal int[] ColumnStarts { get; }

    /// <summary>Entry indices grouped by column, ascending within a column.</summary>
    internal int[] EntriesByColumn { get; }

    /// <summary>Start of each relation's run in <see cref="EntriesByRelation"/>.</summary>
    internal int[] RelationStarts { get; }

    /// <summary>Entry indices grouped by relation, ascending within a relation.</summary>
    internal int[] EntriesByRelation { get; }

    // Counting sort of entry indices by key: stable, so each group lists its entries in ascending order.
    private static (int[] Starts, int[] Entries) Group(int[] keys, int count)
    {
        var starts = new int[count + 1];
        foreach (int key in keys)
        {
            starts[key + 1]++;
        }

        for (int k = 0; k < count; k++)
        {
            starts[k + 1] += starts[k];
        }

        var next = starts[..count];
        var entries = new int[keys.Length];
        for (int e = 0; e < keys.Length; e++)
        {
            entries[next[keys[e]]++] = e;
        }

        return (starts, entries);
    }
}
