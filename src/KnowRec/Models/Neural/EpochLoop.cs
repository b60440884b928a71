using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <summary>The epoch loop the neural models share: <see cref="TrainingLoop"/> with their progress hook and optional early stopping.</summary>
internal static class EpochLoop
{
    /// <summary>Threads a fit may use: the context's, capped by the cores present.</summary>
    public static int Threads(TrainingContext context) => Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount));

    /// <summary>
    /// Runs up to <paramref name="epochs"/> epochs; <paramref name="epoch"/> trains one (zero-based) and returns its mean
    /// loss; <paramref name="afterEpoch"/>, when given, sees each epoch's report after the context's progress does; with
    /// <paramref name="validation"/>, training stops early and ends on the best validated weights.
    /// </summary>
    /// <exception cref="ModelFitException">A loss is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static TrainingResult Run(int epochs, TrainingContext context, Func<int, double> epoch, Action<EpochReport>? afterEpoch = null, EpochValidation? validation = null)
    {
        var observed = afterEpoch is null ? context : context with { Progress = new Both(context.Progress, afterEpoch) };
        var loop = new TrainingLoop(epochs, observed)
        {
            Validation = validation?.Measure,
            EarlyStopping = validation?.Stopping,
        };
        return loop.Run(epoch);
    }

    /// <summary>The batches [start, end) covering <paramref name="count"/> examples.</summary>
    public static IEnumerable<(int Start, int Count)> Batches(int count, int batchSize)
    {
        for (int start = 0; start < count; start += batchSize)
        {
            yield return (start, Math.Min(batchSize, count - start));
        }
    }

    // Reports to the caller's progress first, then to the model's own hook, on the training thread.
    private sealed class Both(IProgress<EpochReport>? first, Action<EpochReport> second) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            first?.Report(value);
            second(value);
        }
    }
}

/// <summary>What a fit measures after each epoch (validation NDCG@10) and the early stopping that watches it.</summary>
internal sealed record EpochValidation(Func<double> Measure, EarlyStopping Stopping);
