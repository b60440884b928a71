using System.Text;
using Microsoft.Extensions.AI;

namespace KnowRec.Features.Text;

/// <summary>
/// A fit-free text vectoriser: lower-cased words and word bigrams hashed into a fixed number of signed buckets
/// (the hashing trick, Weinberger et al. 2009, eq. 1), weighted 1 + log tf, then L2-normalised.
/// </summary>
/// <remarks>
/// Needs no vocabulary, no corpus and no network, so any text encodes the same way in every process; collisions make
/// it a weaker encoder than <c>tfidf-lsa</c>, which should be preferred where it is available. The hash is FNV-1a over
/// UTF-8, stable across runs and platforms. Thread-safe.
/// </remarks>
public sealed class HashedBagOfWordsEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Creates an encoder with <paramref name="dimension"/> buckets (default 512).</summary>
    public HashedBagOfWordsEncoder(int dimension = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        Metadata = new EmbeddingGeneratorMetadata("hashed-bag-of-words", null, "hashed-bag-of-words", dimension);
    }

    /// <summary>Length of every vector.</summary>
    public int Dimension { get; }

    /// <summary>Provider name and vector length.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>The vector of one text (all zeros when it has no words).</summary>
    public float[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<int, float>();
        string? previous = null;
        foreach (string word in Words(text))
        {
            Count(counts, word);
            if (previous is not null)
            {
                Count(counts, previous + " " + word);
            }

            previous = word;
        }

        var vector = new float[Dimension];
        foreach (var (signedBucket, count) in counts)
        {
            int bucket = signedBucket >> 1;
            float weight = 1f + MathF.Log(MathF.Abs(count));
            vector[bucket] += (signedBucket & 1) == 0 ? weight : -weight;
        }

        double norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        if (norm > 0)
        {
            for (int i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(vector[i] / norm);
            }
        }

        return vector;
    }

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string text in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Encode(text)) { ModelId = Metadata.DefaultModelId });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null : serviceType.IsInstanceOfType(this) ? this : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    // Key = bucket * 2 + sign bit, so a feature's sign and bucket come from one hash.
    private void Count(Dictionary<int, float> counts, string feature)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(feature))
        {
            hash = (hash ^ b) * 16777619;
        }

        int key = (int)(hash % (uint)Dimension) * 2 + (int)(hash >> 31);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
