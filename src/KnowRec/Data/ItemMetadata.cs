namespace KnowRec.Data;

/// <summary>Descriptive facts about one item, as far as the source gives them.</summary>
public sealed record ItemMetadata
{
    /// <summary>Display title, e.g. "Toy Story (1995)".</summary>
    public string? Title { get; init; }

    /// <summary>Release year when the source gives one.</summary>
    public int? Year { get; init; }

    /// <summary>Genre or category names.</summary>
    public IReadOnlyList<string> Genres { get; init; } = [];

    /// <summary>Free text: plot, description or review text.</summary>
    public string? Text { get; init; }

    /// <summary>Any further named attributes (e.g. IMDb URL, director).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
