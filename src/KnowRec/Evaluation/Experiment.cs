using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowRec.Data;
using KnowRec.Data.Splits;
using KnowRec.Models;
using KnowRec.Training;

namespace KnowRec.Evaluation;

/// <summary>Runs one evaluation end to end: split, (save the split), fit on train, evaluate on test, average folds.</summary>
public static class Experiment
{
    /// <summary>Evaluates <see cref="ExperimentOptions.Model"/> on <paramref name="data"/>; k-fold runs give per-fold means and each fold's metrics.</summary>
    public static EvaluationReport Run(Dataset data, ExperimentOptions options, TrainingContext? context = null, IProgress<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var entry = ModelCatalog.Get(options.Model);
        var optionValues = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.OptionsJson(options.Settings))!;
        context ??= TrainingContext.Default;
        // RMSE/MAE only mean something for models that predict ratings on explicit data.
        var evaluation = options.Evaluation with
        {
            ComputeRatingMetrics = options.Evaluation.ComputeRatingMetrics ?? (entry.PredictsRatings && data.Feedback == FeedbackKind.Explicit),
        };
        var splits = Splitter.Split(data, options.Split);
        var reports = new List<EvaluationReport>(splits.Count);
        foreach (var split in splits)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            string part = split.Fold is { } f ? $" fold {f + 1}/{splits.Count}" : "";
            if (options.SaveSplitDirectory is { } directory)
            {
                string target = split.Fold is { } fold ? Path.Combine(directory, "fold-" + (fold + 1).ToString(CultureInfo.InvariantCulture)) : directory;
                SplitWriter.Save(split, target);
                log?.Report($"saved split{part} to {target}");
            }

            log?.Report($"fitting {entry.Kind}{part} on {split.Train.Interactions.Count:N0} rows");
            var clock = Stopwatch.StartNew();
            var model = entry.Fit(split.Train, options.Settings, context);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            int[] everyone = [.. Enumerable.Range(0, model.Users.Count)];
            model.RecommendMany(everyone, 10);
            double recommendAllSeconds = clock.Elapsed.TotalSeconds;
            log?.Report($"evaluating{part} on {split.Test.Interactions.Count:N0} rows");
            var report = Evaluator.Evaluate(model, split, evaluation, context.Cancellation);
            reports.Add(report with { Dataset = data.Name, FitSeconds = fitSeconds, RecommendAllSeconds = recommendAllSeconds, Options = optionValues, Seed = options.Split.Seed });
        }

        var result = reports.Count == 1 ? reports[0] : EvaluationReport.Average(reports) with { RecommendAllSeconds = reports.Average(r => r.RecommendAllSeconds) };
        using var self = Process.GetCurrentProcess();
        return result with { PeakMemoryMiB = self.PeakWorkingSet64 / (1024.0 * 1024.0) };
    }
}
