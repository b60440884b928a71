using System.Globalization;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Models;
using KnowRec.Models.Graph;
using KnowRec.Training;

namespace KnowRec.Benchmarks.Tuning;

/// <summary>
/// Learning curves of <c>lightgcn</c> on a validation split carved from the training part only, never from test rows:
/// the procedure behind its documented defaults.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- lightgcn-curve DATA THREADS EVERY [NAME=VALUE …]</c>,
/// e.g. <c>lightgcn-curve ml-1m/pieces-LIN452-ReSN 1 5 LearningRate=0.01 Epochs=60</c>. DATA is split by its fixed
/// split when it ships one (else per-user 80/20, seed 42); its TRAIN part is split again per user 80/20 (seed 42). The
/// model fits on the inner 80 % and, every EVERY epochs, is scored by NDCG@10 on the inner 20 % (full ranking, seen
/// items excluded). A fit gives the same numbers for any THREADS.
/// </remarks>
public static class LightGcnCurve
{
    /// <summary>Runs the curve described in the remarks.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: lightgcn-curve DATA THREADS EVERY [NAME=VALUE]...");
            return;
        }

        var data = DatasetLoader.Load(DataLocator.Resolve(args[0]));
        int threads = int.Parse(args[1], CultureInfo.InvariantCulture);
        int every = int.Parse(args[2], CultureInfo.InvariantCulture);
        var settings = args.Skip(3).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        var options = OptionsBinder.Bind<LightGcnOptions>(settings);
        var outer = data.FixedTestMask is null ? new SplitOptions() : new SplitOptions { Protocol = SplitProtocol.Fixed };
        var train = Splitter.Split(data, outer)[0].Train;
        var inner = Splitter.Split(train, new SplitOptions { Protocol = SplitProtocol.UserRatio, TestRatio = 0.2, Seed = 42 })[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation: {inner.Train.Interactions.Count} train / {inner.Test.Interactions.Count} validation rows; {OptionsBinder.ToJson(options)}"));
        var evaluation = EvaluationOptions.Default with { Threads = threads, ComputeAuc = false };
        LightGcnModel.Fit(inner.Train, options, new TrainingContext { Threads = threads }, (report, model) =>
        {
            if (report.Epoch % every == 0 || report.Epoch == report.Epochs)
            {
                double ndcg = Evaluator.Evaluate(model, inner, evaluation).Metrics["ndcg@10"];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {report.Epoch,4}  ndcg@10 {ndcg:F4}  loss {report.Loss:F4}  {report.Elapsed.TotalSeconds,7:F0} s"));
            }
        });
    }
}
