using System.Globalization;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Models;
using KnowRec.Training;

namespace KnowRec.Benchmarks.Timing;

/// <summary>
/// Times the training epochs of a model on the train part of a leave-last-out split: the KnowRec side of the
/// side-by-side comparisons with the PyTorch scripts in <c>benchmarks/pytorch/</c>.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- epochs DATA MODEL THREADS [NAME=VALUE]…</c>,
/// e.g. <c>epochs ml-1m/ratings-partial-users-1-2999 sasrec 2 Epochs=3 MaxLength=200</c>. Prints the wall time of every
/// epoch (from the model's <see cref="EpochReport"/>s) and their median; the first epoch includes JIT warm-up.
/// </remarks>
public static class EpochTimer
{
    /// <summary>Runs the timing described in the remarks.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: epochs DATA MODEL THREADS [NAME=VALUE]...");
            return;
        }

        var data = DatasetLoader.Load(DataLocator.Resolve(args[0]));
        var split = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.LeaveLastOut })[0];
        var settings = args.Skip(3).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        int threads = int.Parse(args[2], CultureInfo.InvariantCulture);
        var epochs = new List<double>();
        var last = TimeSpan.Zero;
        var progress = new Reporter(report =>
        {
            epochs.Add((report.Elapsed - last).TotalSeconds);
            last = report.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {report.Epoch}: {epochs[^1]:F3} s, loss {report.Loss:F4}"));
        });
        ModelCatalog.Get(args[1]).Fit(split.Train, settings, new TrainingContext { Threads = threads, Progress = progress });
        var sorted = epochs.Skip(epochs.Count > 1 ? 1 : 0).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]} on {args[0]}, {threads} threads: median epoch {sorted[sorted.Length / 2]:F3} s over {sorted.Length} epoch(s) after the first"));
    }

    // Reports synchronously on the training thread (System.Progress would post to the thread pool, out of order).
    private sealed class Reporter(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
