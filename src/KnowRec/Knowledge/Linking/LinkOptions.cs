namespace KnowRec.Knowledge.Linking;

/// <summary>How sure entity linking must be before it links an item.</summary>
public sealed record LinkOptions
{
    /// <summary>Smallest confidence that links an item (default 0.8: an exact title one year off still links, a loose title match does not).</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>A runner-up within this much of the best makes the item ambiguous instead of linked (default 0.05).</summary>
    public double AmbiguityMargin { get; init; } = 0.05;

    /// <summary>Largest year difference still considered the same item (default 1: release and festival years differ).</summary>
    public int YearTolerance { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first out-of-range property.</summary>
    public void Validate()
    {
        if (!(Threshold is > 0 and <= 1))
        {
            throw new ArgumentException($"Threshold must be in (0, 1], got {Threshold}.", nameof(Threshold));
        }

        if (!(AmbiguityMargin is >= 0 and < 1))
        {
            throw new ArgumentException($"AmbiguityMargin must be in [0, 1), got {AmbiguityMargin}.", nameof(AmbiguityMargin));
        }

        if (YearTolerance is < 0 or > 5)
        {
            throw new ArgumentException($"YearTolerance must be in 0..5, got {YearTolerance}.", nameof(YearTolerance));
        }
    }
}
