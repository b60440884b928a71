namespace KnowRec.Data.Readers;

/// <summary>Where the user, item, value and timestamp live in a generic delimited file.</summary>
/// <remarks>
/// A column is named by its header text (when <see cref="HasHeader"/> is true) or by its zero-based index written as
/// digits; with a header, a header name wins over an index that reads the same. Single-character delimiters follow
/// RFC 4180 quoting; multi-character delimiters (e.g. <c>::</c>) split plainly. Timestamps must be integer Unix seconds.
/// </remarks>
public sealed record ColumnMapping
{
    /// <summary>Column holding the raw user id (default <c>0</c>).</summary>
    public string User { get; init; } = "0";

    /// <summary>Column holding the raw item id (default <c>1</c>).</summary>
    public string Item { get; init; } = "1";

    /// <summary>Column holding the value; null means every row is an implicit event of value 1.</summary>
    public string? Value { get; init; }

    /// <summary>Column holding the Unix-seconds timestamp; null when the file has none.</summary>
    public string? Timestamp { get; init; }

    /// <summary>Field delimiter; null picks tab for <c>.tsv</c>/<c>.tab</c> files and a comma otherwise.</summary>
    public string? Delimiter { get; init; }

    /// <summary>True when the first line names the columns and holds no data.</summary>
    public bool HasHeader { get; init; }

    /// <summary>Checks the mapping and throws <see cref="ArgumentException"/> naming the bad property.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(User))
        {
            throw new ArgumentException("ColumnMapping.User must name a column.", nameof(User));
        }

        if (string.IsNullOrWhiteSpace(Item))
        {
            throw new ArgumentException("ColumnMapping.Item must name a column.", nameof(Item));
        }

        if (Delimiter is { Length: 0 } || Delimiter is "\"" or "\n" or "\r")
        {
            throw new ArgumentException("ColumnMapping.Delimiter must be non-empty and not a quote or line break.", nameof(Delimiter));
        }

        if (!HasHeader)
        {
            foreach (var (name, column) in new[] { (nameof(User), User), (nameof(Item), Item), (nameof(Value), Value), (nameof(Timestamp), Timestamp) })
            {
                if (column is not null && !int.TryParse(column, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    throw new ArgumentException($"ColumnMapping.{name} '{column}' must be a zero-based index when the file has no header.", name);
                }
            }
        }
    }
}
