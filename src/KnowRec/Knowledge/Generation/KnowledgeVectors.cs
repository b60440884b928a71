using KnowRec.Data;
using KnowRec.Features;
using Microsoft.Extensions.AI;

namespace KnowRec.Knowledge.Generation;

/// <summary>Encodes knowledge records into vectors: items into the <c>knowledge</c> <see cref="ItemVectors"/> that KAR-style models read, users into a feature matrix.</summary>
/// <remarks>Records link to items by <see cref="Dataset.KeyOf"/> and to users by raw id; records of unknown keys are ignored, and items or users without a record are absent (zero rows).</remarks>
public static class KnowledgeVectors
{
    /// <summary>The conventional name of the item source.</summary>
    public const string Name = "knowledge";

    /// <summary>Texts sent to the encoder per call.</summary>
    private const int Batch = 256;

    /// <summary>Each item's <see cref="ItemKnowledgeRecord.ToText"/> encoded by <paramref name="encoder"/>, as a source named <paramref name="name"/>.</summary>
    public static async Task<ItemVectors> EncodeItemsAsync(Dataset data, IReadOnlyList<ItemKnowledgeRecord> records, IEmbeddingGenerator<string, Embedding<float>> encoder, string name = Name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(records);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int item = 0; item < data.Items.Count; item++)
        {
            index.TryAdd(data.KeyOf(item), item);
        }

        var rows = records.Select(r => (Index: index.TryGetValue(r.Item, out int i) ? i : -1, Text: r.ToText())).Where(r => r.Index >= 0).ToList();
        var (matrix, present) = await EncodeAsync(data.Items.Count, rows, encoder, cancellationToken).ConfigureAwait(false);
        return new ItemVectors(name, matrix, present);
    }

    /// <summary>Each user's <see cref="UserPreferenceRecord.ToText"/> encoded by <paramref name="encoder"/>: one row per user index, and whether each user had a record.</summary>
    public static async Task<(FeatureMatrix Vectors, IReadOnlyList<bool> Present)> EncodeUsersAsync(Dataset data, IReadOnlyList<UserPreferenceRecord> records, IEmbeddingGenerator<string, Embedding<float>> encoder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(records);
        var rows = records.Select(r => (Index: data.Users.TryGetIndex(r.User, out int u) ? u : -1, Text: r.ToText())).Where(r => r.Index >= 0).ToList();
        return await EncodeAsync(data.Users.Count, rows, encoder, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(FeatureMatrix, IReadOnlyList<bool>)> EncodeAsync(int count, List<(int Index, string Text)> rows, IEmbeddingGenerator<string, Embedding<float>> encoder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var vectors = new float[count][];
        for (int start = 0; start < rows.Count; start += Batch)
        {
            var batch = rows.GetRange(start, Math.Min(Batch, rows.Count - start));
            var embeddings = await encoder.GenerateAsync(batch.Select(r => r.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Count)
            {
                throw new InvalidDataException($"The encoder returned {embeddings.Count} vectors for {batch.Count} texts.");
            }

            for (int i = 0; i < batch.Count; i++)
            {
                vectors[batch[i].Index] = embeddings[i].Vector.ToArray();
            }
        }

        int dimension = vectors.FirstOrDefault(v => v is not null)?.Length ?? 1;
        var values = new float[(long)count * dimension];
        var present = new bool[count];
        for (int row = 0; row < count; row++)
        {
            if (vectors[row] is { } vector)
            {
                if (vector.Length != dimension)
                {
                    throw new InvalidDataException($"The encoder returned vectors of {dimension} and {vector.Length} values.");
                }

                vector.CopyTo(values, (long)row * dimension);
                present[row] = true;
            }
        }

        return (new FeatureMatrix(count, dimension, values), present);
    }
}
