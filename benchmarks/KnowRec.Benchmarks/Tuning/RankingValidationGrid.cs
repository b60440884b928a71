using System.Diagnostics;
using System.Globalization;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Models;
using KnowRec.Training;

namespace KnowRec.Benchmarks.Tuning;

/// <summary>
/// Grid search of a top-N model's options on a validation split carved from the training part only, never from test
/// rows: the procedure behind the documented defaults of <c>ncf</c>, <c>bilinear</c> and <c>two-tower</c>.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- tune-ranking DATA MODEL THREADS NAME=V1;V2 …</c>,
/// e.g. <c>tune-ranking ml-1m/pieces-LIN452-ReSN ncf 2 "Factors=16;32" "Tower=64,32,16,8;32,16,8"</c> (alternatives are
/// separated by semicolons, because some values hold commas). DATA is split by its fixed split
/// when it ships one (else per-user 80/20, seed 42); its TRAIN part is split again per user 80/20 (seed 42), each
/// combination is fitted on the inner 80 % and scored by NDCG@10 (full ranking, seen items excluded) on the inner 20 %.
/// Prints one line per combination (with fit wall and CPU seconds and the last epoch's loss), best first at the end.
/// </remarks>
public static class RankingValidationGrid
{
    /// <summary>Runs the search described in the remarks.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: tune-ranking DATA MODEL THREADS [NAME=V1;V2;...]...");
            return;
        }

        var data = DatasetLoader.Load(DataLocator.Resolve(args[0]));
        var entry = ModelCatalog.Get(args[1]);
        int threads = int.Parse(args[2], CultureInfo.InvariantCulture);
        var grid = OptionGrid.Parse(args.Skip(3), ';');
        var outer = data.FixedTestMask is null ? new SplitOptions() : new SplitOptions { Protocol = SplitProtocol.Fixed };
        var train = Splitter.Split(data, outer)[0].Train;
        var inner = Splitter.Split(train, new SplitOptions { Protocol = SplitProtocol.UserRatio, TestRatio = 0.2, Seed = 42 })[0];
        Console.Error.WriteLine($"validation: {inner.Train.Interactions.Count:N0} train / {inner.Test.Interactions.Count:N0} validation rows");
        var results = new List<(double Ndcg, string Text)>();
        foreach (var settings in OptionGrid.Combinations(grid))
        {
            double lastLoss = double.NaN;
            var context = new TrainingContext { Threads = threads, Progress = new InlineProgress(r => lastLoss = r.Loss) };
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var model = entry.Fit(inner.Train, settings, context);
            double fit = clock.Elapsed.TotalSeconds;
            double fitCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var report = Evaluator.Evaluate(model, inner, EvaluationOptions.Default with { Threads = threads, ComputeAuc = false });
            double ndcg = report.Metrics["ndcg@10"];
            string text = string.Create(CultureInfo.InvariantCulture, $"{ndcg:F4}  fit {fit,7:F1} s (cpu {fitCpu,7:F1} s)  loss {lastLoss:F4}  {string.Join(" ", settings.Select(kv => $"{kv.Key}={kv.Value}"))}");
            results.Add((ndcg, text));
            Console.Error.WriteLine(text);
        }

        foreach (var (_, text) in results.OrderByDescending(r => r.Ndcg))
        {
            Console.WriteLine(text);
        }
    }

    // Progress<T> posts to the thread pool; this one reports synchronously, so the last loss is known when Fit returns.
    private sealed class InlineProgress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
