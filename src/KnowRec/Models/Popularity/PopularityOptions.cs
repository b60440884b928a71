namespace KnowRec.Models.Popularity;

/// <summary>Options of <see cref="PopularityModel"/>.</summary>
public sealed record PopularityOptions : IModelOptions
{
    /// <summary>How popularity is counted (default <see cref="PopularityWeighting.Users"/>).</summary>
    public PopularityWeighting Weighting { get; init; } = PopularityWeighting.Users;

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Weighting))
        {
            throw new ArgumentException($"Weighting {Weighting} is not defined.", nameof(Weighting));
        }
    }
}
