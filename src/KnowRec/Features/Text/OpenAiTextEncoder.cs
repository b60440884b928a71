using Microsoft.Extensions.AI;

namespace KnowRec.Features.Text;

/// <summary>
/// The <c>openai</c> text encoder: any OpenAI-compatible embeddings endpoint through Microsoft.Extensions.AI.OpenAI,
/// sent in batches, every answer checked to have one vector per text and one common length.
/// </summary>
/// <remarks>Thread-safe: concurrent calls share the HTTP client. Disposing disposes the inner generator.</remarks>
public sealed class OpenAiTextEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The encoder's name in the text encoder registry.</summary>
    public const string Name = "openai";

    private readonly IEmbeddingGenerator<string, Embedding<float>> _inner;
    private readonly int _batchSize;
    private int _dimension;

    private OpenAiTextEncoder(IEmbeddingGenerator<string, Embedding<float>> inner, int batchSize, int? dimension, EmbeddingGeneratorMetadata metadata)
    {
        _inner = inner;
        _batchSize = batchSize;
        _dimension = dimension ?? 0;
        Metadata = metadata;
    }

    /// <summary>Provider, endpoint, model and (when asked for) vector length.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Vector length seen so far (or asked for); 0 before the first answer when none was asked for.</summary>
    public int Dimension => Volatile.Read(ref _dimension);

    /// <summary>An encoder for <paramref name="options"/>, reading unset endpoint, model and key from the environment.</summary>
    public static OpenAiTextEncoder Create(OpenAiTextEncoderOptions? options = null)
    {
        options ??= new OpenAiTextEncoderOptions();
        options.Validate();
        string? endpoint = options.Endpoint ?? Environment.GetEnvironmentVariable(OpenAiTextEncoderOptions.EndpointVariable);
        string model = options.Model ?? (Environment.GetEnvironmentVariable(OpenAiTextEncoderOptions.ModelVariable) is { Length: > 0 } m ? m : OpenAiTextEncoderOptions.DefaultModel);
        var connection = new OpenAiConnection(string.IsNullOrWhiteSpace(endpoint) ? null : OpenAiConnection.ParseEndpoint(endpoint), OpenAiConnection.KeyOrEnvironment(options.ApiKey))
        {
            Timeout = options.Timeout,
            MaxRetries = options.MaxRetries,
        };
        var inner = connection.CreateClient().GetEmbeddingClient(model).AsIEmbeddingGenerator(options.Dimensions);
        var metadata = new EmbeddingGeneratorMetadata("openai", connection.Endpoint ?? new Uri("https://api.openai.com/v1/"), model, options.Dimensions);
        return new OpenAiTextEncoder(inner, options.BatchSize, options.Dimensions, metadata);
    }

    /// <inheritdoc/>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var all = new GeneratedEmbeddings<Embedding<float>>(texts.Count) { Usage = new UsageDetails() };
        for (int start = 0; start < texts.Count; start += _batchSize)
        {
            var batch = texts.GetRange(start, Math.Min(_batchSize, texts.Count - start));
            // Endpoints reject empty strings; a space embeds as "no text" and keeps rows aligned.
            var sent = batch.Select(t => string.IsNullOrEmpty(t) ? " " : t);
            var answer = await _inner.GenerateAsync(sent, options, cancellationToken).ConfigureAwait(false);
            if (answer.Count != batch.Count)
            {
                throw new InvalidDataException($"{Metadata.ProviderUri} answered {answer.Count} embeddings for {batch.Count} texts.");
            }

            foreach (var embedding in answer)
            {
                Check(embedding.Vector.Length);
                all.Add(embedding);
            }

            if (answer.Usage is { } usage)
            {
                all.Usage.Add(usage);
            }
        }

        return all;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : _inner.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc/>
    public void Dispose() => _inner.Dispose();

    // The first answer fixes the length unless one was asked for; a model that changes length mid-run would mix spaces.
    private void Check(int length)
    {
        if (length == 0)
        {
            throw new InvalidDataException($"{Metadata.ProviderUri} answered an empty embedding.");
        }

        int expected = Interlocked.CompareExchange(ref _dimension, length, 0);
        if (expected != 0 && expected != length)
        {
            throw new InvalidDataException($"{Metadata.ProviderUri} ({Metadata.DefaultModelId}) answered a {length}-dimensional embedding; expected {expected}.");
        }
    }
}
