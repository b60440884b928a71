namespace KnowRec.Data;

/// <summary>Descriptive facts about one item, as far as the source gives them.</summary>
public sealed record ItemMetadata
{
    /// <summary>
    /// Attribute holding the item's id in its original catalogue when the dataset renumbered items (e.g. the
    /// LightGCN-style ML-1M pieces, whose ids are MovieLens ids minus 1); knowledge graphs and text link by it.
    /// </summary>
    public const string SourceIdAttribute = "source-id";

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
