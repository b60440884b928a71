using KnowRec.Data;
using Microsoft.Extensions.AI;

namespace KnowRec.Features.Text;

/// <summary>Turns a dataset's item documents into the <c>text</c> vector source through any text encoder.</summary>
public static class TextVectors
{
    /// <summary>The conventional name of the item text source.</summary>
    public const string SourceName = "text";

    /// <summary>Texts per call to the encoder (small enough for remote endpoints' request limits).</summary>
    public const int BatchSize = 256;

    /// <summary>
    /// Builds encoder <paramref name="encoderName"/> (fitted on the documents of the items that have text), optionally
    /// behind an on-disk cache in <paramref name="cacheDirectory"/>, and encodes every item's document.
    /// </summary>
    public static ItemVectors Encode(Dataset data, string encoderName, TextEncoderOptions options, string? cacheDirectory = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var documents = ItemDocuments.Of(data);
        if (documents.WithText == 0)
        {
            throw new ArgumentException($"No item of '{data.Name}' has text (title, genres, attributes or plot/review text); attach some with --item-text.", nameof(data));
        }

        string[] corpus = [.. Enumerable.Range(0, documents.Count).Where(documents.HasText).Select(i => documents.Texts[i])];
        using var encoder = TextEncoders.Create(encoderName, options, corpus);
        using var generator = cacheDirectory is null ? null : new DiskCachedEmbeddingGenerator(encoder, cacheDirectory);
        return EncodeAsync(documents, (IEmbeddingGenerator<string, Embedding<float>>?)generator ?? encoder, SourceName, progress).GetAwaiter().GetResult();
    }

    /// <summary>Encodes the document of every item that has text; items without text are marked absent (zero rows).</summary>
    /// <param name="documents">The item documents (<see cref="ItemDocuments.Of"/>).</param>
    /// <param name="encoder">Any embedding generator.</param>
    /// <param name="name">Name of the resulting source (default <c>text</c>).</param>
    /// <param name="progress">Receives the number of items encoded so far after each batch.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="InvalidOperationException">The encoder returned the wrong number of vectors, vectors of differing lengths, or non-finite values.</exception>
    public static async Task<ItemVectors> EncodeAsync(
        ItemDocuments documents, IEmbeddingGenerator<string, Embedding<float>> encoder, string name = SourceName, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(encoder);
        int[] items = [.. Enumerable.Range(0, documents.Count).Where(documents.HasText)];
        if (items.Length == 0)
        {
            throw new ArgumentException("No item has text to encode.", nameof(documents));
        }

        float[]? values = null;
        int dimension = 0;
        for (int start = 0; start < items.Length; start += BatchSize)
        {
            var batch = items.AsSpan(start, Math.Min(BatchSize, items.Length - start)).ToArray();
            var embeddings = await encoder.GenerateAsync(batch.Select(i => documents.Texts[i]), null, cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Length)
            {
                throw new InvalidOperationException($"The encoder returned {embeddings.Count} embeddings for {batch.Length} texts.");
            }

            for (int b = 0; b < batch.Length; b++)
            {
                var vector = embeddings[b].Vector.Span;
                if (values is null)
                {
                    dimension = vector.Length;
                    values = new float[(long)documents.Count * dimension];
                }

                if (vector.Length != dimension || !IsFinite(vector))
                {
                    throw new InvalidOperationException($"The encoder gave item {batch[b]} a vector of length {vector.Length} (expected {dimension}) or with non-finite values.");
                }

                vector.CopyTo(values.AsSpan(batch[b] * dimension, dimension));
            }

            progress?.Report(start + batch.Length);
        }

        var present = new bool[documents.Count];
        foreach (int i in items)
        {
            present[i] = true;
        }

        return new ItemVectors(name, new FeatureMatrix(documents.Count, dimension, values), present);
    }

    private static bool IsFinite(ReadOnlySpan<float> vector)
    {
        foreach (float v in vector)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
