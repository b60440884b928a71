namespace KnowRec.Features;

/// <summary>A dense feature vector per user or item, keyed by dense index: row r describes index r.</summary>
/// <remarks>
/// Models that take side information (e.g. <see cref="Models.Neural.TwoTowerModel"/>) read one row per user or item;
/// any source fits — genre multi-hots, attribute one-hots, text or knowledge-graph embeddings — as long as the rows
/// follow the dataset's id map. Immutable and thread-safe.
/// </remarks>
public sealed class FeatureMatrix
{
    private readonly float[] _values;

    /// <summary>Creates the matrix over a copy of <paramref name="values"/> (row-major, rows × columns).</summary>
    /// <param name="rows">Number of rows: the user or item count of the dataset.</param>
    /// <param name="columns">Length of each feature vector, at least 1.</param>
    /// <param name="values">rows × columns finite values, row-major.</param>
    /// <param name="names">Optional name of each column (e.g. <c>genre=Comedy</c>).</param>
    public FeatureMatrix(int rows, int columns, ReadOnlySpan<float> values, IReadOnlyList<string>? names = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (values.Length != (long)rows * columns)
        {
            throw new ArgumentException($"A {rows} × {columns} feature matrix needs {(long)rows * columns} values, got {values.Length}.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"Feature value at row {i / columns}, column {i % columns} is {values[i]}; every value must be finite.", nameof(values));
            }
        }

        if (names is not null && names.Count != columns)
        {
            throw new ArgumentException($"{names.Count} column names for {columns} columns.", nameof(names));
        }

        Rows = rows;
        Columns = columns;
        _values = values.ToArray();
        Names = names is null ? [] : [.. names];
    }

    /// <summary>Number of rows (users or items).</summary>
    public int Rows { get; }

    /// <summary>Length of each feature vector.</summary>
    public int Columns { get; }

    /// <summary>Column names, or empty when none were given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The feature vector of one row.</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Rows, nameof(row));
        return _values.AsSpan(row * Columns, Columns);
    }
}
