using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowRec.Evaluation;

/// <summary>What one evaluation measured, with enough context to reproduce and compare it; serialises to stable JSON.</summary>
/// <remarks>
/// JSON shape (camelCase, properties in this order; <c>folds</c> only for k-fold averages):
/// <code>
/// { "dataset": "ml-100k", "model": "popularity", "options": { ... }, "protocol": "user-ratio/full",
///   "seed": 42, "users": 943, "items": 1682, "train": 80000, "test": 20000,
///   "fitSeconds": 0.12, "evaluateSeconds": 0.8,
///   "metrics": { "precision@10": 0.1, "recall@10": 0.1, "ndcg@10": 0.1, "map@10": 0.1, "mrr@10": 0.1, "hit@10": 0.1,
///                "auc": 0.8, "coverage@10": 0.1, "gini@10": 0.9, "novelty@10": 2.1, "rmse": 0.9, "mae": 0.7 },
///   "folds": [ { "precision@10": 0.1, ... }, ... ] }
/// </code>
/// Metric keys are <c>name@K</c> for each cutoff K in the order of <see cref="EvaluationOptions.Cutoffs"/>, accuracy
/// metrics first, then <c>auc</c>, catalogue metrics and <c>rmse</c>/<c>mae</c>; a metric that was not computed is
/// absent rather than zero. Non-finite values are written as strings ("NaN").
/// </remarks>
public sealed record EvaluationReport
{
    private static readonly JsonSerializerOptions Indented = CreateJsonOptions(indented: true);
    private static readonly JsonSerializerOptions Compact = CreateJsonOptions(indented: false);

    /// <summary>Name of the dataset, e.g. <c>ml-100k</c>.</summary>
    public required string Dataset { get; init; }

    /// <summary>Kind of the model, e.g. <c>popularity</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The options the model was fitted with, as a JSON object; empty when the model does not expose them.</summary>
    public IReadOnlyDictionary<string, JsonElement> Options { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The split protocol and the ranking protocol, e.g. <c>user-ratio/full</c> or <c>user-ratio/sampled-100</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>The evaluation seed (negative sampling).</summary>
    public int Seed { get; init; }

    /// <summary>Number of users averaged over: those with at least one relevant test item.</summary>
    public int Users { get; init; }

    /// <summary>Catalogue size: number of items rankings run over.</summary>
    public int Items { get; init; }

    /// <summary>Number of training rows.</summary>
    public int Train { get; init; }

    /// <summary>Number of test rows.</summary>
    public int Test { get; init; }

    /// <summary>Seconds the fit took; the evaluator does not see the fit, so callers set it with <c>report with { FitSeconds = … }</c>.</summary>
    public double FitSeconds { get; init; }

    /// <summary>Wall-clock seconds <see cref="Evaluator.Evaluate"/> took.</summary>
    public double EvaluateSeconds { get; init; }

    /// <summary>Metric name → value, in the documented key order; for k-fold averages the mean over folds.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Seconds to compute top-10 for every user from the fitted model (k-fold: mean per fold), when measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RecommendAllSeconds { get; init; }

    /// <summary>Peak resident memory of the process at the end of the run, in MiB, when measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PeakMemoryMiB { get; init; }

    /// <summary>For k-fold averages, each fold's metrics in fold order; null for a single split.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyDictionary<string, double>>? Folds { get; init; }

    /// <summary>
    /// Combines the reports of the folds of one k-fold split: metrics, users, train and test rows and both timings are
    /// per-fold means (counts rounded half away from zero), and <see cref="Folds"/> keeps each fold's metrics.
    /// </summary>
    /// <exception cref="ArgumentException">No folds, or the folds differ in dataset, model, protocol, catalogue or metric names.</exception>
    public static EvaluationReport Average(IReadOnlyList<EvaluationReport> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0)
        {
            throw new ArgumentException("No folds to average.", nameof(folds));
        }

        var first = folds[0];
        foreach (var fold in folds)
        {
            ArgumentNullException.ThrowIfNull(fold, nameof(folds));
            if (fold.Folds is not null)
            {
                throw new ArgumentException("A fold report is already an average.", nameof(folds));
            }

            if (fold.Dataset != first.Dataset || fold.Model != first.Model || fold.Protocol != first.Protocol
                || fold.Items != first.Items || !fold.Metrics.Keys.SequenceEqual(first.Metrics.Keys))
            {
                throw new ArgumentException("Folds differ in dataset, model, protocol, catalogue or metric names.", nameof(folds));
            }
        }

        var mean = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string key in first.Metrics.Keys)
        {
            mean.Add(key, folds.Average(f => f.Metrics[key]));
        }

        return first with
        {
            Users = (int)Math.Round(folds.Average(f => f.Users), MidpointRounding.AwayFromZero),
            Train = (int)Math.Round(folds.Average(f => f.Train), MidpointRounding.AwayFromZero),
            Test = (int)Math.Round(folds.Average(f => f.Test), MidpointRounding.AwayFromZero),
            FitSeconds = folds.Average(f => f.FitSeconds),
            EvaluateSeconds = folds.Average(f => f.EvaluateSeconds),
            Metrics = mean,
            Folds = [.. folds.Select(f => f.Metrics)],
        };
    }

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static EvaluationReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<EvaluationReport>(json, Compact) ?? throw new JsonException("The JSON is null, not a report.");
    }

    /// <summary>The report as JSON in the documented shape, indented by default.</summary>
    public string ToJson(bool indented = true) => JsonSerializer.Serialize(this, indented ? Indented : Compact);

    private static JsonSerializerOptions CreateJsonOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
        };
        options.Converters.Add(new MetricDictionaryJsonConverter());
        return options;
    }
}
