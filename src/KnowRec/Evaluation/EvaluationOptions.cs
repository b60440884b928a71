using KnowRec.Data;

namespace KnowRec.Evaluation;

/// <summary>How <see cref="Evaluator"/> measures a model: cutoffs, ranking protocol, relevance and threads.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Default options: cutoff 10, full ranking, seed 42, all cores.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The list lengths K that top-K metrics are reported at (default [10]); each at least 1, no repeats.</summary>
    public IReadOnlyList<int> Cutoffs { get; init; } = [10];

    /// <summary>
    /// Null (default) ranks every test item against the whole catalogue minus the user's training items. When set to N,
    /// each relevant test item is instead ranked against N items sampled uniformly from those the user has in neither
    /// train nor test; the report's protocol then ends in <c>sampled-N</c>.
    /// </summary>
    /// <remarks>Sampled ranking is cheaper but inflates scores and can reorder models (Krichene and Rendle 2020); prefer full ranking.</remarks>
    public int? SampledNegatives { get; init; }

    /// <summary>
    /// Which items a full ranking runs over. Null (default) means <see cref="RankingPool.ColdItems"/> for splits made by
    /// the <c>cold-items</c> protocol and <see cref="RankingPool.Catalogue"/> otherwise.
    /// </summary>
    public RankingPool? Pool { get; init; }

    /// <summary>Seed for negative sampling (default 42); the same seed gives the same report.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Most batches evaluated at once (default: all cores); results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether to report RMSE and MAE from <c>Score</c> on every test row. Null (default) means: only when the training
    /// data is explicit (<see cref="Dataset.Feedback"/> is <see cref="FeedbackKind.Explicit"/>).
    /// </summary>
    public bool? ComputeRatingMetrics { get; init; }

    /// <summary>
    /// Whether to report per-user AUC (default true). Full-ranking AUC needs every item's score, so the evaluator then
    /// asks for the whole ranking instead of the top max(K); turn it off to evaluate large catalogues faster.
    /// </summary>
    public bool ComputeAuc { get; init; } = true;

    /// <summary>
    /// For explicit data: a test row counts as relevant for ranking metrics when its value is at least this threshold
    /// (e.g. 4 on a 1–5 scale). Null (default) makes every test row relevant. Rating metrics always use every test row.
    /// </summary>
    public float? RelevanceThreshold { get; init; }

    /// <summary>Throws when an option is out of range; the exception names the property.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        if (Cutoffs is null || Cutoffs.Count == 0)
        {
            throw new ArgumentException("At least one cutoff is needed.", nameof(Cutoffs));
        }

        if (Cutoffs.Any(k => k < 1) || Cutoffs.Distinct().Count() != Cutoffs.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(Cutoffs), "Cutoffs must be at least 1 and distinct.");
        }

        if (SampledNegatives is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SampledNegatives), SampledNegatives, "Sample at least one negative, or leave it null for full ranking.");
        }

        if (Pool == RankingPool.ColdItems && SampledNegatives is not null)
        {
            throw new ArgumentException("Sampled negatives and the cold-item pool cannot be combined: rank the cold items in full.", nameof(Pool));
        }

        if (Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Use at least one thread.");
        }

        if (RelevanceThreshold is { } threshold && !float.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(RelevanceThreshold), threshold, "The relevance threshold must be a finite number.");
        }
    }
}
