using KnowRec.Features;

namespace KnowRec.Models.Content;

/// <summary>Options of <see cref="ContentKnnModel"/>.</summary>
public sealed record ContentKnnOptions : IModelOptions
{
    /// <summary>Name of the item vector source to score with (default <c>text</c>).</summary>
    public string Source { get; init; } = Features.Text.TextVectors.SourceName;

    /// <summary>Length of the tfidf-lsa vectors the model builds when the dataset has no <c>text</c> source (default 128); unused otherwise.</summary>
    public int Dimension { get; init; } = 128;

    /// <summary>Rating part of each history item's weight in the profile (default <see cref="RatingWeighting.AboveMean"/>; implicit data: 1).</summary>
    public RatingWeighting RatingWeighting { get; init; } = RatingWeighting.AboveMean;

    /// <summary>τ in days of the profile's recency decay exp(−Δt/τ); null (default): every history item counts fully.</summary>
    public double? RecencyDays { get; init; }

    /// <summary>Seed of the randomized SVD when the model builds its own tfidf-lsa vectors (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Source))
        {
            throw new ArgumentException("Source must name an item vector source, e.g. text.", nameof(Source));
        }

        if (Dimension < 1)
        {
            throw new ArgumentException($"Dimension must be at least 1, not {Dimension}.", nameof(Dimension));
        }

        Profiles.Validate();
    }

    /// <summary>The profile part of these options.</summary>
    internal UserProfileOptions Profiles => new() { RatingWeighting = RatingWeighting, RecencyDays = RecencyDays };
}
