namespace KnowRec.Features.Text;

/// <summary>What <see cref="TextEncoders.Create"/> passes to the encoder it builds; each encoder reads the settings it knows.</summary>
public sealed record TextEncoderOptions
{
    /// <summary>Length of the embeddings when the encoder lets it be chosen (tfidf-lsa: default 128).</summary>
    public int? Dimension { get; init; }

    /// <summary>Seed of any randomness in fitting (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Most threads for fitting and encoding (default 0: all cores).</summary>
    public int Threads { get; init; }

    /// <summary>Further encoder-specific settings by name (e.g. a model path or an endpoint), as given on the command line.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
