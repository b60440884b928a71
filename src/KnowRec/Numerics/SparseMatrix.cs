namespace KnowRec.Numerics;

/// <summary>An immutable sparse float matrix in compressed sparse row (CSR) form, kept together with its transpose.</summary>
/// <remarks>
/// Built for products with dense row-major matrices (<see cref="Multiply"/>), e.g. propagating embeddings over a graph
/// and sending gradients back over the transposed graph. The transpose is built once at construction; a matrix equal
/// to its transpose (a normalised adjacency matrix, say) is detected and serves as its own transpose, so it costs
/// no extra memory. Immutable, so concurrent use is safe.
/// </remarks>
public sealed partial class SparseMatrix
{
    private readonly int[] _rowStarts;
    private readonly int[] _columns;
    private readonly float[] _values;

    // Rows of each work piece of Multiply, fixed by the matrix (not by the thread count).
    private readonly int[] _pieces;

    private SparseMatrix(int rows, int columns, int[] rowStarts, int[] columnIndices, float[] values, SparseMatrix? transposeOf)
    {
        Rows = rows;
        Columns = columns;
        _rowStarts = rowStarts;
        _columns = columnIndices;
        _values = values;
        _pieces = Pieces(rowStarts);
        if (transposeOf is not null)
        {
            Transposed = transposeOf;
        }
        else
        {
            var transpose = BuildTranspose();
            bool symmetric = rows == columns && rowStarts.AsSpan().SequenceEqual(transpose._rowStarts)
                && columnIndices.AsSpan().SequenceEqual(transpose._columns) && values.AsSpan().SequenceEqual(transpose._values);
            Transposed = symmetric ? this : transpose;
        }
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => _values.Length;

    /// <summary>Start of each row's entries in <see cref="ColumnIndices"/> and <see cref="Values"/>; length <see cref="Rows"/> + 1.</summary>
    public ReadOnlySpan<int> RowStarts => _rowStarts;

    /// <summary>Column of each stored entry, ascending within a row.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columns;

    /// <summary>Value of each stored entry.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The transpose (this matrix itself when <see cref="IsSymmetric"/>).</summary>
    public SparseMatrix Transposed { get; }

    /// <summary>Whether the matrix equals its transpose exactly (same pattern and bit-identical values).</summary>
    public bool IsSymmetric => ReferenceEquals(Transposed, this);

    /// <summary>A matrix over copies of CSR arrays.</summary>
    /// <param name="rows">Number of rows, not negative.</param>
    /// <param name="columns">Number of columns, not negative.</param>
    /// <param name="rowStarts">Length rows + 1, starting at 0, non-decreasing, ending at the number of entries.</param>
    /// <param name="columnIndices">Column of each entry, in [0, columns), strictly ascending within each row.</param>
    /// <param name="values">Value of each entry, finite.</param>
    /// <exception cref="ArgumentException">The arrays do not describe a valid CSR matrix; the message says why.</exception>
    public static SparseMatrix FromCsr(int rows, int columns, int[] rowStarts, int[] columnIndices, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(rowStarts);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowStarts.Length != rows + 1 || rowStarts[0] != 0 || rowStarts[rows] != columnIndices.Length)
        {
            throw new ArgumentException($"Row starts must have {rows + 1} elements, start at 0 and end at the {columnIndices.Length} entries.", nameof(rowStarts));
        }

        if (values.Length != columnIndices.Length)
        {
            throw new ArgumentException($"{values.Length} values for {columnIndices.Length} column indices.", nameof(values));
        }

        for (int r = 0; r < rows; r++)
        {
            if (rowStarts[r + 1] < rowStarts[r])
            {
                throw new ArgumentException($"Row starts decrease at row {r}.", nameof(rowStarts));
            }

            for (int e = rowStarts[r]; e < rowStarts[r + 1]; e++)
            {
                if ((uint)columnIndices[e] >= (uint)columns || (e > rowStarts[r] && columnIndices[e] <= columnIndices[e - 1]))
                {
                    throw new ArgumentException($"Row {r}: column {columnIndices[e]} is outside [0, {columns}) or not above the previous one.", nameof(columnIndices));
                }

                if (!float.IsFinite(values[e]))
                {
                    throw new ArgumentException($"Row {r}, column {columnIndices[e]}: value {values[e]} is not finite.", nameof(values));
                }
            }
        }

        return new SparseMatrix(rows, columns, (int[])rowStarts.Clone(), (int[])columnIndices.Clone(), (float[])values.Clone(), null);
    }

    /// <summary>The non-zero entries of a dense row-major matrix.</summary>
    /// <param name="dense">rows × columns elements, row-major.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    public static SparseMatrix FromDense(ReadOnlySpan<float> dense, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (dense.Length != (long)rows * columns)
        {
            throw new ArgumentException($"{dense.Length} elements for a {rows} × {columns} matrix.", nameof(dense));
        }

        var starts = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                float value = dense[(r * columns) + c];
                if (value != 0f)
                {
                    indices.Add(c);
                    values.Add(value);
                }
            }

            starts[r + 1] = indices.Count;
        }

        return FromCsr(rows, columns, starts, [.. indices], [.. values]);
    }

    // Counting sort by column: the transpose's rows come out with ascending columns because rows are visited in order.
    private SparseMatrix BuildTranspose()
    {
        var starts = new int[Columns + 1];
        foreach (int c in _columns)
        {
            starts[c + 1]++;
        }

        for (int c = 0; c < Columns; c++)
        {
            starts[c + 1] += starts[c];
        }

        var next = starts[..Columns];
        var indices = new int[NonZeros];
        var values = new float[NonZeros];
        for (int r = 0; r < Rows; r++)
        {
            for (int e = _rowStarts[r]; e < _rowStarts[r + 1]; e++)
            {
                int at = next[_columns[e]]++;
                indices[at] = r;
                values[at] = _values[e];
            }
        }

        return new SparseMatrix(Columns, Rows, starts, indices, values, this);
    }
}
