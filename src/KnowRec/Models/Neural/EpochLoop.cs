using System.Diagnostics;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <summary>The epoch loop the neural models share: cancellation, divergence check and progress reports.</summary>
internal static class EpochLoop
{
    /// <summary>Threads a fit may use: the context's, capped by the cores present.</summary>
    public static int Threads(TrainingContext context) => Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount));

    /// <summary>
    /// Runs <paramref name="epochs"/> epochs; <paramref name="epoch"/> trains one (zero-based) and returns its mean loss;
    /// <paramref name="afterEpoch"/>, when given, sees each epoch's report after the context's progress does.
    /// </summary>
    /// <exception cref="ModelFitException">A loss is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static void Run(string kind, int epochs, float learningRate, TrainingContext context, Func<int, double> epoch, Action<EpochReport>? afterEpoch = null)
    {
        var clock = Stopwatch.StartNew();
        for (int e = 0; e < epochs; e++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            double loss = epoch(e);
            if (!double.IsFinite(loss))
            {
                throw new ModelFitException($"{kind} diverged at epoch {e + 1}: the loss is {loss} (LearningRate {learningRate}); lower the learning rate.");
            }

            var report = new EpochReport(e + 1, epochs, loss, clock.Elapsed);
            context.Progress?.Report(report);
            afterEpoch?.Invoke(report);
        }
    }

    /// <summary>The batches [start, end) covering <paramref name="count"/> examples.</summary>
    public static IEnumerable<(int Start, int Count)> Batches(int count, int batchSize)
    {
        for (int start = 0; start < count; start += batchSize)
        {
            yield return (start, Math.Min(batchSize, count - start));
        }
    }
}
