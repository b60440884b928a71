namespace KnowRec.Features;

/// <summary>How <see cref="UserProfiles"/> weighs a user's history.</summary>
public sealed record UserProfileOptions
{
    /// <summary>Rating part of each item's weight (default <see cref="RatingWeighting.AboveMean"/>; implicit data: 1).</summary>
    public RatingWeighting RatingWeighting { get; init; } = RatingWeighting.AboveMean;

    /// <summary>τ in days of the recency decay exp(−Δt/τ), Δt = the user's latest training time − the item's time; null or 0: no decay (default).</summary>
    public double? RecencyDays { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming an invalid property.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(RatingWeighting))
        {
            throw new ArgumentException($"RatingWeighting {RatingWeighting} is not one of {string.Join(", ", Enum.GetNames<RatingWeighting>())}.", nameof(RatingWeighting));
        }

        if (RecencyDays is { } tau && !(tau >= 0 && double.IsFinite(tau)))
        {
            throw new ArgumentException($"RecencyDays must be a finite number ≥ 0, not {tau}.", nameof(RecencyDays));
        }
    }
}
