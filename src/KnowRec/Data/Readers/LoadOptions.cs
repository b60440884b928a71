using KnowRec.Data.Cleaning;

namespace KnowRec.Data.Readers;

/// <summary>How <see cref="DatasetLoader"/> reads and cleans a dataset.</summary>
/// <remarks>
/// Cleaning runs in a fixed order after reading: duplicates are merged first (so a user's latest opinion counts), then
/// the implicit threshold, then the k-core filter (which depends on everything before it).
/// </remarks>
public sealed record LoadOptions
{
    /// <summary>Format name from <see cref="DatasetFormats"/>; null (default) detects it from the folder contents.</summary>
    public string? Format { get; init; }

    /// <summary>False (default): the first bad line throws <see cref="InvalidDataException"/>. True: bad lines are skipped and counted.</summary>
    public bool Lenient { get; init; }

    /// <summary>How repeated (user, item) pairs are merged; default <see cref="DuplicatePolicy.KeepLatest"/>.</summary>
    public DuplicatePolicy DuplicatePolicy { get; init; } = DuplicatePolicy.KeepLatest;

    /// <summary>When set, rows with value ≥ this become implicit positives of value 1 and the rest are dropped; default null (off).</summary>
    public float? ImplicitThreshold { get; init; }

    /// <summary>k-core: users with fewer rows than this are removed, repeatedly until stable; default 0 (off).</summary>
    public int MinUserInteractions { get; init; }

    /// <summary>k-core: items with fewer rows than this are removed, repeatedly until stable; default 0 (off).</summary>
    public int MinItemInteractions { get; init; }

    /// <summary>Column layout for the <c>delimited</c> format; null uses <see cref="ColumnMapping"/>'s defaults.</summary>
    public ColumnMapping? ColumnMapping { get; init; }

    /// <summary>Overrides the smallest valid rating of an explicit format; for <c>delimited</c>, setting both bounds makes the data explicit.</summary>
    public float? RatingMin { get; init; }

    /// <summary>Overrides the largest valid rating of an explicit format; see <see cref="RatingMin"/>.</summary>
    public float? RatingMax { get; init; }

    /// <summary>Checks the options and throws <see cref="ArgumentException"/> naming the bad property.</summary>
    public void Validate()
    {
        if (Format is not null && !DatasetFormats.All.Contains(Format))
        {
            throw new ArgumentException($"LoadOptions.Format '{Format}' is not one of: {string.Join(", ", DatasetFormats.All)}.", nameof(Format));
        }

        if (!Enum.IsDefined(DuplicatePolicy))
        {
            throw new ArgumentException($"LoadOptions.DuplicatePolicy {DuplicatePolicy} is not defined.", nameof(DuplicatePolicy));
        }

        if (ImplicitThreshold is { } threshold && !float.IsFinite(threshold))
        {
            throw new ArgumentException("LoadOptions.ImplicitThreshold must be finite.", nameof(ImplicitThreshold));
        }

        if (MinUserInteractions < 0)
        {
            throw new ArgumentException("LoadOptions.MinUserInteractions must be 0 or more.", nameof(MinUserInteractions));
        }

        if (MinItemInteractions < 0)
        {
            throw new ArgumentException("LoadOptions.MinItemInteractions must be 0 or more.", nameof(MinItemInteractions));
        }

        if (RatingMin is { } min && !float.IsFinite(min))
        {
            throw new ArgumentException("LoadOptions.RatingMin must be finite.", nameof(RatingMin));
        }

        if (RatingMax is { } max && (!float.IsFinite(max) || (RatingMin is { } low && max < low)))
        {
            throw new ArgumentException("LoadOptions.RatingMax must be finite and not below RatingMin.", nameof(RatingMax));
        }

        ColumnMapping?.Validate();
    }
}
