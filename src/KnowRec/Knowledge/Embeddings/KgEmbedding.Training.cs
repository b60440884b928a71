using System.Diagnostics;
using KnowRec.Training;

namespace KnowRec.Knowledge.Embeddings;

/// <content>Fitting: mini-batch Adam on the method's loss over true and corrupted triples (see <see cref="KgEmbeddingTrainer"/>).</content>
public sealed partial class KgEmbedding
{
    /// <summary>Fits embeddings of <paramref name="graph"/>'s entities and relations on <paramref name="training"/> (default: every triple).</summary>
    /// <param name="graph">The graph whose entities and relations are embedded.</param>
    /// <param name="options">Options; null for TransE's defaults.</param>
    /// <param name="context">Threads, progress (one report per epoch) and cancellation; null for the defaults.</param>
    /// <param name="training">The triples to learn from, e.g. <see cref="LinkPredictionSplit.Train"/>; null for all.</param>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    public static KgEmbedding Fit(KnowledgeGraph graph, KgEmbeddingOptions? options = null, TrainingContext? context = null, IReadOnlyList<Triple>? training = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new KgEmbeddingOptions();
        context ??= TrainingContext.Default;
        var clock = Stopwatch.StartNew();
        var trainer = new KgEmbeddingTrainer(graph, options, training, Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount)));
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double loss = trainer.RunEpoch(context.Cancellation);
            if (!double.IsFinite(loss))
            {
                throw new ModelFitException($"{options.Method} diverged at epoch {epoch + 1}: the loss is {loss} (LearningRate {options.LearningRate}).");
            }

            context.Progress?.Report(new EpochReport(epoch + 1, options.Epochs, loss, clock.Elapsed));
        }

        return trainer.Snapshot();
    }

    /// <summary>An embedding over the given arrays (owned by the new instance).</summary>
    internal static KgEmbedding Create(KgEmbeddingOptions options, Data.IdMap entities, Data.IdMap relations, float[] entityRows, float[] relationRows, float[] projections) =>
        new(options, entities, relations, entityRows, relationRows, projections);
}
