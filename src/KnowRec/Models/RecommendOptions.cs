namespace KnowRec.Models;

/// <summary>Per-request choices for <see cref="IRecommender.Recommend"/>.</summary>
public sealed record RecommendOptions
{
    /// <summary>Default options: exclude what the user already has, rank the whole catalogue.</summary>
    public static RecommendOptions Default { get; } = new();

    /// <summary>Leave out the items the user interacted with in training (default true).</summary>
    public bool ExcludeSeen { get; init; } = true;

    /// <summary>Further item indices never to return (business rules, already shown items).</summary>
    public IReadOnlySet<int>? Exclude { get; init; }

    /// <summary>When set, rank only these item indices (sampled evaluation, candidate re-ranking) instead of the full catalogue.</summary>
    public IReadOnlyList<int>? Candidates { get; init; }
}
