using KnowRec.Data;
using KnowRec.Features;

namespace KnowRec.Knowledge.Embeddings;

/// <summary>The <c>kg</c> item vector source: each item's linked entity embedding from a TransE/TransR/RotatE fit on the attached graph.</summary>
public static class KgItemVectors
{
    /// <summary>The conventional name of the source.</summary>
    public const string Name = "kg";

    /// <summary>
    /// Trains a KG embedding (<see cref="KgEmbeddingTrainer"/>) on <paramref name="data"/>'s attached graph and returns
    /// <c>ItemVectors("kg")</c>: row i is the embedding of item i's entity; items linked to no entity are absent.
    /// </summary>
    /// <remarks>
    /// The graph holds only item facts (no interactions), so it is the same for a training split and the whole dataset:
    /// nothing leaks from test rows. Deterministic for a seed and thread count as the trainer is.
    /// </remarks>
    /// <param name="data">A dataset with <see cref="Dataset.Knowledge"/> attached.</param>
    /// <param name="options">Embedding options (default: TransE, 64 dimensions, 30 epochs).</param>
    /// <param name="threads">Most threads each op may use.</param>
    /// <param name="cancellation">Stops training between batches.</param>
    /// <exception cref="ArgumentException">No knowledge graph is attached.</exception>
    public static ItemVectors Train(Dataset data, KgEmbeddingOptions? options = null, int threads = 1, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var knowledge = data.Knowledge ?? throw new ArgumentException("The kg item vectors need a knowledge graph attached to the dataset (--kg).", nameof(data));
        options ??= new KgEmbeddingOptions();
        var trainer = new KgEmbeddingTrainer(knowledge.Graph, options, threads: threads);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            trainer.RunEpoch(cancellation);
        }

        return FromEmbedding(knowledge, trainer.Snapshot());
    }

    /// <summary>Row i = the embedding of item i's entity in <paramref name="embedding"/>; unlinked items are absent.</summary>
    /// <param name="knowledge">The graph bound to a dataset's items.</param>
    /// <param name="embedding">An embedding of that graph's entities.</param>
    public static ItemVectors FromEmbedding(ItemKnowledge knowledge, KgEmbedding embedding)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(embedding);
        int items = knowledge.Items, width = embedding.EntityWidth;
        var values = new float[items * width];
        var present = new bool[items];
        for (int i = 0; i < items; i++)
        {
            int entity = knowledge.EntityOf(i);
            if (entity >= 0)
            {
                embedding.EntityVector(entity).CopyTo(values.AsSpan(i * width, width));
                present[i] = true;
            }
        }

        return new ItemVectors(Name, new FeatureMatrix(items, width, values), present);
    }
}
