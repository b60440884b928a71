namespace KnowRec.Data.Cleaning;

/// <summary>The cause names that loading and cleaning count in a <see cref="CleaningReport"/>.</summary>
public static class CleaningCauses
{
    /// <summary>A row repeated a (user, item) pair and was merged by the duplicate policy.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A value lay outside the rating scale (explicit) or was negative (implicit).</summary>
    public const string OutOfRangeValue = "out-of-range-value";

    /// <summary>A numeric field (value, timestamp) did not parse as a finite number.</summary>
    public const string NonNumericValue = "non-numeric-value";

    /// <summary>A line had fewer fields than the format needs, or an empty id.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A line could not be parsed at all (broken JSON, unclosed quote).</summary>
    public const string MalformedLine = "malformed-line";

    /// <summary>An interaction named an item that the item metadata file does not list.</summary>
    public const string UnknownItem = "unknown-item";

    /// <summary>An interaction named a user that the user metadata file does not list.</summary>
    public const string UnknownUser = "unknown-user";

    /// <summary>A row was removed by the k-core filter.</summary>
    public const string KCore = "k-core";

    /// <summary>A row was dropped because its value was below the implicit threshold.</summary>
    public const string BelowThreshold = "below-threshold";
}
