using KnowRec.Data.Splits;

namespace KnowRec.Evaluation;

/// <summary>One evaluation run: which model with which options, how to split, how to score.</summary>
public sealed record ExperimentOptions
{
    /// <summary>Model kind from <see cref="Models.ModelCatalog"/>.</summary>
    public required string Model { get; init; }

    /// <summary>Model options as NAME=VALUE pairs (the CLI's <c>--set</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How to split (default: per-user 80/20, seed 42).</summary>
    public SplitOptions Split { get; init; } = new();

    /// <summary>How to score (default: full ranking, K = 10).</summary>
    public EvaluationOptions Evaluation { get; init; } = EvaluationOptions.Default;

    /// <summary>When set, each split is written here as train.tsv/test.tsv (k-fold: one <c>fold-N</c> folder per fold).</summary>
    public string? SaveSplitDirectory { get; init; }
}
