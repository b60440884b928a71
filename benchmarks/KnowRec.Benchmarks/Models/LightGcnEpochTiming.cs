using System.Globalization;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Models;
using KnowRec.Models.Graph;
using KnowRec.Training;

namespace KnowRec.Benchmarks.Models;

/// <summary>
/// Times training epochs of <c>lightgcn</c> on the training part of the ML-1M fixed split, the counterpart of
/// <c>benchmarks/pytorch/lightgcn.py</c>: same data, model, batch, negatives and optimiser.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- lightgcn-epoch [THREADS [EPOCHS]] [NAME=VALUE …]</c>
/// (default 2 threads, 3 epochs; NAME=VALUE sets a <see cref="LightGcnOptions"/> property). Prints each epoch's
/// seconds and their median, leaving out the first epoch, which includes the JIT's warm-up.
/// </remarks>
public static class LightGcnEpochTiming
{
    /// <summary>Runs the timing described in the remarks.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var numbers = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        int threads = numbers.Length > 0 ? numbers[0] : 2;
        int epochs = numbers.Length > 1 ? numbers[1] : 3;
        var settings = args.Where(a => a.Contains('=', StringComparison.Ordinal)).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        settings["Epochs"] = epochs.ToString(CultureInfo.InvariantCulture);
        var options = OptionsBinder.Bind<LightGcnOptions>(settings);

        var data = DatasetLoader.Load(DataLocator.Resolve("ml-1m/pieces-LIN452-ReSN"));
        var train = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.Fixed })[0].Train;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lightgcn on ML-1M fixed-split train: {train.Users.Count} users, {train.Items.Count} items, {train.Matrix.NonZeros} pairs; {OptionsBinder.ToJson(options)}; {threads} threads"));

        var seconds = new List<double>();
        var last = TimeSpan.Zero;
        var progress = new Reporter(report =>
        {
            double s = (report.Elapsed - last).TotalSeconds;
            last = report.Elapsed;
            seconds.Add(s);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {report.Epoch}: {s:F2} s, loss {report.Loss:F4}"));
        });
        LightGcnModel.Fit(train, options, new TrainingContext { Threads = threads, Progress = progress });
        var steady = seconds.Count > 1 ? seconds.Skip(1).Order().ToList() : seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median seconds/epoch (epochs 2..{seconds.Count}): {steady[steady.Count / 2]:F2}"));
    }

    // Reports synchronously on the training thread (Progress<T> would post to the thread pool).
    private sealed class Reporter(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
