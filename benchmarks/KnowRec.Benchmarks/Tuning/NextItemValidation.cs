using System.Diagnostics;
using System.Globalization;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Models;
using KnowRec.Training;

namespace KnowRec.Benchmarks.Tuning;

/// <summary>
/// Grid search for next-item models on validation data carved from the training part of a leave-last-out split: each
/// user's last training row is held out again, so the test rows are never seen while tuning.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- tune-next DATA MODEL THREADS NAME=V1,V2 …</c>, e.g.
/// <c>tune-next ml-100k sasrec 2 MaxLength=50,200 Dropout=0.2,0.5</c>. Prints NDCG@10 and HR@10 (full ranking) on the
/// validation rows for every combination, then all of them best first.
/// </remarks>
public static class NextItemValidation
{
    /// <summary>Runs the search described in the remarks.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: tune-next DATA MODEL THREADS [NAME=V1,V2,...]...");
            return;
        }

        var data = DatasetLoader.Load(DataLocator.Resolve(args[0]));
        var entry = ModelCatalog.Get(args[1]);
        var context = new TrainingContext { Threads = int.Parse(args[2], CultureInfo.InvariantCulture) };
        var leaveLastOut = new SplitOptions { Protocol = SplitProtocol.LeaveLastOut };
        var train = Splitter.Split(data, leaveLastOut)[0].Train;
        var validation = Splitter.Split(train, leaveLastOut)[0];
        var grid = OptionGrid.Parse(args.Skip(3), ',');
        var results = new List<(double Ndcg, string Line)>();
        foreach (var settings in OptionGrid.Combinations(grid))
        {
            var clock = Stopwatch.StartNew();
            var model = entry.Fit(validation.Train, settings, context);
            var report = Evaluator.Evaluate(model, validation, EvaluationOptions.Default);
            string text = string.Join(" ", settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
            string line = string.Create(CultureInfo.InvariantCulture, $"ndcg@10 {report.Metrics["ndcg@10"]:F4}  hit@10 {report.Metrics["hit@10"]:F4}  {clock.Elapsed.TotalSeconds,6:F0} s  {text}");
            results.Add((report.Metrics["ndcg@10"], line));
            Console.Error.WriteLine(line);
        }

        foreach (var (_, line) in results.OrderByDescending(r => r.Ndcg))
        {
            Console.WriteLine(line);
        }
    }
}
