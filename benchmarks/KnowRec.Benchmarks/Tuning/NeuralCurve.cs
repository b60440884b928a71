using System.Diagnostics;
using System.Globalization;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Training;

namespace KnowRec.Benchmarks.Tuning;

/// <summary>
/// Learning curves of <c>ncf</c>, <c>bilinear</c> and <c>two-tower</c> on a validation split carved from the training
/// part only, never from test rows: the procedure behind their documented defaults.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- neural-curve DATA MODEL THREADS EVERY [NAME=VALUE …]</c>,
/// e.g. <c>neural-curve ml-1m/pieces-LIN452-ReSN ncf 1 2 Epochs=20 WeightDecay=1e-4</c>. DATA is split by its fixed
/// split when it ships one (else per-user 80/20, seed 42); its TRAIN part is split again per user 80/20 (seed 42). The
/// model fits on the inner 80 % and, every EVERY epochs, is scored by NDCG@10 on the inner 20 % (full ranking, seen
/// items excluded). Also prints the process CPU seconds spent training so far, a steadier figure than wall time on a
/// shared machine.
/// </remarks>
public static class NeuralCurve
{
    /// <summary>Runs the curve described in the remarks.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: neural-curve DATA MODEL THREADS EVERY [NAME=VALUE]...");
            return;
        }

        var data = DatasetLoader.Load(DataLocator.Resolve(args[0]));
        string kind = args[1];
        int threads = int.Parse(args[2], CultureInfo.InvariantCulture);
        int every = int.Parse(args[3], CultureInfo.InvariantCulture);
        var settings = args.Skip(4).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        var outer = data.FixedTestMask is null ? new SplitOptions() : new SplitOptions { Protocol = SplitProtocol.Fixed };
        var train = Splitter.Split(data, outer)[0].Train;
        var inner = Splitter.Split(train, new SplitOptions { Protocol = SplitProtocol.UserRatio, TestRatio = 0.2, Seed = 42 })[0];
        Console.WriteLine($"validation: {inner.Train.Interactions.Count} train / {inner.Test.Interactions.Count} validation rows; {kind} {ModelCatalog.Get(kind).OptionsJson(settings)}");
        var evaluation = EvaluationOptions.Default with { Threads = threads, ComputeAuc = false };
        var context = new TrainingContext { Threads = threads };
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        var evaluating = TimeSpan.Zero;
        void Observe(EpochReport report, IRecommender model)
        {
            if (report.Epoch % every == 0 || report.Epoch == report.Epochs)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                double ndcg = Evaluator.Evaluate(model, inner, evaluation).Metrics["ndcg@10"];
                double trainingCpu = (before - start - evaluating).TotalSeconds;
                evaluating += Process.GetCurrentProcess().TotalProcessorTime - before;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {report.Epoch,4}  ndcg@10 {ndcg:F4}  loss {report.Loss:F4}  wall {report.Elapsed.TotalSeconds,6:F0} s  training cpu {trainingCpu,6:F0} s"));
            }
        }

        switch (kind)
        {
            case NcfModel.KindName:
                NcfModel.Fit(inner.Train, OptionsBinder.Bind<NcfOptions>(settings), context, Observe);
                break;
            case BilinearModel.KindName:
                BilinearModel.Fit(inner.Train, OptionsBinder.Bind<BilinearOptions>(settings), context, Observe);
                break;
            case TwoTowerModel.KindName:
                var options = OptionsBinder.Bind<TwoTowerOptions>(settings);
                var items = options.ItemGenres ? Features.CatalogueFeatures.ItemGenres(inner.Train) : null;
                var users = options.UserAttributes ? Features.CatalogueFeatures.UserAttributes(inner.Train) : null;
                TwoTowerModel.Fit(inner.Train, items, users, options, context, Observe);
                break;
            default:
                Console.Error.WriteLine($"neural-curve knows ncf, bilinear and two-tower, not {kind}.");
                break;
        }
    }
}
