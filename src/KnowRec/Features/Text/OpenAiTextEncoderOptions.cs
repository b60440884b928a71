namespace KnowRec.Features.Text;

/// <summary>Options of the <c>openai</c> text encoder; anything left null is read from the environment.</summary>
/// <remarks>
/// Environment: <c>KNOWREC_OPENAI_ENDPOINT</c> (base address with <c>/v1/</c>; default OpenAI's),
/// <c>KNOWREC_OPENAI_MODEL</c> (default <c>text-embedding-3-small</c>), <c>OPENAI_API_KEY</c>.
/// </remarks>
public sealed record OpenAiTextEncoderOptions
{
    /// <summary>Environment variable naming the endpoint.</summary>
    public const string EndpointVariable = "KNOWREC_OPENAI_ENDPOINT";

    /// <summary>Environment variable naming the embedding model.</summary>
    public const string ModelVariable = "KNOWREC_OPENAI_MODEL";

    /// <summary>Model used when neither the options nor the environment name one.</summary>
    public const string DefaultModel = "text-embedding-3-small";

    /// <summary>Base address of the API (e.g. <c>http://localhost:11434/v1/</c>); null: <c>KNOWREC_OPENAI_ENDPOINT</c>, else OpenAI's.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Embedding model; null: <c>KNOWREC_OPENAI_MODEL</c>, else <see cref="DefaultModel"/>.</summary>
    public string? Model { get; init; }

    /// <summary>API key; null: <c>OPENAI_API_KEY</c>, else none (local servers).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Vector length to ask for (models that can shorten, e.g. text-embedding-3-*) and to insist on; null takes the model's and checks that every answer agrees.</summary>
    public int? Dimensions { get; init; }

    /// <summary>Texts per request (default 64); OpenAI accepts up to 2,048 inputs per call.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Most seconds one request may take (default 100).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries on 429, 5xx and network errors, with exponential backoff (default 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Options from a registry's generic settings: <c>endpoint</c>, <c>model</c>, <c>batch-size</c> (names case-insensitive), and <paramref name="dimension"/>.</summary>
    public static OpenAiTextEncoderOptions FromSettings(int? dimension, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? Get(string name) => settings.FirstOrDefault(s => s.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        string? batch = Get("batch-size");
        return new OpenAiTextEncoderOptions
        {
            Endpoint = Get("endpoint"),
            Model = Get("model"),
            Dimensions = dimension,
            BatchSize = batch is null ? 64 : int.TryParse(batch, System.Globalization.CultureInfo.InvariantCulture, out int size) ? size
                : throw new ArgumentException($"batch-size must be a whole number, not '{batch}'.", nameof(settings)),
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        if (BatchSize is < 1 or > 2048)
        {
            throw new ArgumentException($"BatchSize must be 1 to 2048, not {BatchSize}.", nameof(BatchSize));
        }

        if (Dimensions is < 1)
        {
            throw new ArgumentException($"Dimensions must be at least 1, not {Dimensions}.", nameof(Dimensions));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Timeout must be positive, not {Timeout}.", nameof(Timeout));
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException($"MaxRetries must be 0 or more, not {MaxRetries}.", nameof(MaxRetries));
        }
    }
}
