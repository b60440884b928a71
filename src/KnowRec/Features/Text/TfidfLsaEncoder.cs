using System.Numerics.Tensors;
using KnowRec.Numerics;
using Microsoft.Extensions.AI;

namespace KnowRec.Features.Text;

/// <summary>
/// Latent semantic analysis as a text encoder: TF-IDF over word and character n-grams, projected on the top singular
/// directions of the corpus (Deerwester et al. 1990), the singular vectors found by randomized SVD (Halko, Martinsson,
/// Tropp 2011). Built in, offline, fitted on the catalogue's own text.
/// </summary>
/// <remarks>
/// Fit: the corpus's TF-IDF matrix X (documents × features, <see cref="TfidfVectorizer"/>) is factored X ≈ U_k Σ_k V_kᵀ by
/// <see cref="RandomizedSvd"/>. Encode: a text's TF-IDF row x is folded in as e = x·V_k (or x·V_k·Σ_k⁻¹ when
/// <see cref="TfidfLsaOptions.Whiten"/>), then L2-normalised so cosine similarity is a dot product. The default x·V_k
/// is chosen because for the corpus it equals U_kΣ_k, whose inner products are exactly those of the best rank-k
/// approximation X_k X_kᵀ (Eckart–Young): the embeddings keep the TF-IDF cosine geometry minus its noise. The classic
/// LSI fold-in Σ⁻¹V_kᵀx instead gives the weak trailing directions the same weight as the dominant ones, which
/// amplifies noise; it is offered as the option. A text with no known feature encodes to the zero vector.
/// Immutable after fitting: <see cref="GenerateAsync"/> is thread-safe. Batches are encoded on up to
/// <see cref="TfidfLsaOptions.Threads"/> threads with identical results for any count.
/// </remarks>
public sealed partial class TfidfLsaEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The registry name of this encoder.</summary>
    public const string Name = "tfidf-lsa";

    private readonly TfidfVectorizer _vectorizer;
    private readonly float[] _sigma;
    private readonly float[] _right;
    private readonly Lazy<string> _stateHash;

    private TfidfLsaEncoder(TfidfLsaOptions options, TfidfVectorizer vectorizer, float[] sigma, float[] right)
    {
        Options = options;
        _vectorizer = vectorizer;
        _sigma = sigma;
        _right = right;
        _stateHash = new Lazy<string>(ComputeStateHash);
        Metadata = new EmbeddingGeneratorMetadata(Name, null, Name, Dimension);
    }

    /// <summary>The options it was fitted with.</summary>
    public TfidfLsaOptions Options { get; }

    /// <summary>Length of the embeddings: the requested dimension, or the corpus's numerical rank when lower.</summary>
    public int Dimension => _sigma.Length;

    /// <summary>Number of TF-IDF features (word plus character n-grams) in the vocabulary.</summary>
    public int Features => _vectorizer.Features;

    /// <summary>σ₁ ≥ … ≥ σ_k of the corpus's TF-IDF matrix.</summary>
    public ReadOnlySpan<float> SingularValues => _sigma;

    /// <summary>Identifies the fitted state: <c>tfidf-lsa-</c> + the first 16 hex digits of the SHA-256 of its saved form; cache keys use it.</summary>
    public string Id => $"{Name}-{_stateHash.Value}";

    /// <summary>Provider <c>tfidf-lsa</c>, model id <c>tfidf-lsa</c>, dimension <see cref="Dimension"/>.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Fits the vocabulary, idf and singular vectors on <paramref name="corpus"/> (one document per entry; null or empty entries count as empty documents).</summary>
    /// <exception cref="ArgumentException">The options are invalid, or no feature occurs in enough documents.</exception>
    public static TfidfLsaEncoder Fit(IReadOnlyList<string> corpus, TfidfLsaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new TfidfLsaOptions();
        options.Validate();
        var (vectorizer, rows) = TfidfVectorizer.Fit(corpus, options);
        if (vectorizer.Features == 0 || rows.NonZeros == 0)
        {
            throw new ArgumentException(
                $"The corpus of {corpus.Count} documents has no word or character n-gram in at least {options.MinDocumentFrequency} documents; nothing to encode with.", nameof(corpus));
        }

        var svd = RandomizedSvd.Compute(rows, options.Dimension, options.Oversampling, options.PowerIterations, options.Seed, options.Threads);
        return new TfidfLsaEncoder(options, vectorizer, svd.SingularValues, svd.Right);
    }

    /// <summary>The embedding of one text (length <see cref="Dimension"/>, unit norm, or zero when no feature is known).</summary>
    public float[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new float[Dimension];
        EncodeInto(text, result);
        return result;
    }

    /// <summary>Encodes <paramref name="texts"/> into consecutive rows of <paramref name="destination"/> (texts.Count × <see cref="Dimension"/>).</summary>
    public void EncodeMany(IReadOnlyList<string> texts, float[] destination)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(destination);
        int k = Dimension;
        if (destination.Length < (long)texts.Count * k)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, fewer than {texts.Count} × {k}.", nameof(destination));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Threads > 0 ? Options.Threads : Environment.ProcessorCount };
        Parallel.For(0, texts.Count, parallel, i => EncodeInto(texts[i] ?? string.Empty, destination.AsSpan(i * k, k)));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <see cref="EmbeddingGenerationOptions.Dimensions"/> may ask for fewer dimensions than <see cref="Dimension"/>:
    /// the leading ones are kept (they are the top singular directions, so this is the rank-d fold-in) and re-normalised.
    /// </remarks>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        int k = Dimension;
        int wanted = options?.Dimensions ?? k;
        if (wanted < 1 || wanted > k)
        {
            throw new ArgumentException($"tfidf-lsa was fitted with {k} dimensions; {wanted} cannot be given.", nameof(options));
        }

        var texts = values as IReadOnlyList<string> ?? [.. values];
        var all = new float[(long)texts.Count * k];
        EncodeMany(texts, all);
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            var row = all.AsMemory(i * k, wanted);
            if (wanted < k)
            {
                Normalize(row.Span);
            }

            result.Add(new Embedding<float>(row) { ModelId = Id });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Nothing to release: the encoder holds managed arrays only.</summary>
    public void Dispose()
    {
    }

    private void EncodeInto(string text, Span<float> embedding)
    {
        embedding.Clear();
        var (columns, values) = _vectorizer.Transform(text);
        int k = Dimension;
        for (int e = 0; e < columns.Length; e++)
        {
            TensorPrimitives.MultiplyAdd(_right.AsSpan(columns[e] * k, k), values[e], embedding, embedding);
        }

        if (Options.Whiten)
        {
            TensorPrimitives.Divide(embedding, _sigma, embedding);
        }

        Normalize(embedding);
    }

    private static void Normalize(Span<float> vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
