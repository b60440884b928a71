namespace KnowRec.Data.Splits;

/// <summary>Settings for <see cref="Splitter.Split"/>.</summary>
/// <remarks>
/// Every protocol is deterministic: the same dataset and options give the same rows in the same order.
/// Options a protocol does not use are ignored by it, as listed on each property.
/// </remarks>
public sealed record SplitOptions
{
    /// <summary>Which protocol to run. Default <see cref="SplitProtocol.UserRatio"/>.</summary>
    public SplitProtocol Protocol { get; init; } = SplitProtocol.UserRatio;

    /// <summary>Share of rows (or, for cold-items, of items; for cold-users, of users) that goes to test, in (0, 1). Default 0.2.</summary>
    /// <remarks>
    /// Used by user-ratio, random, cold-items, cold-users and temporal (when <see cref="TemporalCut"/> is null). The count is
    /// round(TestRatio × n), halves rounded away from zero, then kept within [1, n − 1] so that any group of two or more
    /// rows or items has at least one on each side. Ignored by leave-last-out, kfold and fixed.
    /// </remarks>
    public double TestRatio { get; init; } = 0.2;

    /// <summary>Number of folds for kfold, at least 2. Default 5. Ignored by the other protocols.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed for every random choice. Default 42. Ignored by leave-last-out, temporal and fixed, which make no random choice.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>For temporal only: Unix seconds at which test begins (rows with timestamp ≥ cut go to test). Default null.</summary>
    /// <remarks>
    /// When null, the temporal protocol puts the latest <see cref="TestRatio"/> share of all rows, by time, into test;
    /// rows sharing the boundary timestamp are divided by original row order, later rows to test, so the count is exact.
    /// Setting it for another protocol is an error rather than silently ignored.
    /// </remarks>
    public long? TemporalCut { get; init; }

    /// <summary>For cold-users only: how many of each new user's rows stay in train, 0 to 1000 (0: the user is known only by attributes). Default 5.</summary>
    public int ColdUserHistory { get; init; } = 5;

    /// <summary>Throws when an option is out of range; the exception names the property.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">An option does not apply to the chosen protocol.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Protocol))
        {
            throw new ArgumentOutOfRangeException(nameof(Protocol), Protocol, "Unknown split protocol.");
        }

        if (!(TestRatio > 0.0 && TestRatio < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(TestRatio), TestRatio, "TestRatio must lie strictly between 0 and 1.");
        }

        if (Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "Folds must be at least 2.");
        }

        if (ColdUserHistory is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(ColdUserHistory), ColdUserHistory, "ColdUserHistory must lie between 0 and 1000.");
        }

        if (TemporalCut is not null && Protocol != SplitProtocol.Temporal)
        {
            throw new ArgumentException(
                $"TemporalCut applies only to the temporal protocol, not to '{SplitProtocolNames.ToName(Protocol)}'.",
                nameof(TemporalCut));
        }

        if (TemporalCut == Interaction.NoTimestamp)
        {
            throw new ArgumentOutOfRangeException(nameof(TemporalCut), TemporalCut, "TemporalCut must be a real time in Unix seconds.");
        }
    }
}
