namespace KnowRec.Models.KnowledgeAware;

/// <summary>Options of <see cref="CkeModel"/> (collaborative knowledge base embedding, Zhang et al. 2016, structural part).</summary>
/// <remarks>
/// Defaults were chosen on a validation split carved from the training part of ml-100k with <c>kg-ml100k-freebase</c>
/// (never on its test part); the search is written down in docs/results.md, section "CKE".
/// </remarks>
public sealed record CkeOptions : IModelOptions
{
    /// <summary>Size d of user, item-offset and entity vectors; TransR's relation space has the same size (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Epochs; each draws as many (user, item, negative) triples as there are training pairs (default 60).</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>User–item triples per Adam step (default 1024).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Knowledge-graph triples (each with one corruption) in the same step (default 1024).</summary>
    public int KnowledgeBatchSize { get; init; } = 1024;

    /// <summary>Weight of the TransR loss against the BPR loss in the joint objective (default 1, the paper's unweighted sum).</summary>
    public float KnowledgeWeight { get; init; } = 1f;

    /// <summary>Adam step size (default 0.002; 0.01 overfits within 10 epochs on ml-100k).</summary>
    public float LearningRate { get; init; } = 0.002f;

    /// <summary>
    /// L2 weight λ on the user, item-offset and entity rows of each batch (the Gaussian priors of the paper's
    /// generative process, §5.1), averaged per triple (default 0.03).
    /// </summary>
    public float Regularization { get; init; } = 0.03f;

    /// <summary>
    /// Unseen candidates drawn per negative item; the one the current vectors score highest is used (dynamic negative
    /// sampling, Zhang et al. 2013); 1 is the paper's uniform sampling (default 1).
    /// </summary>
    public int NegativeCandidates { get; init; } = 1;

    /// <summary>
    /// Whether items without training rows may be drawn as negatives (default false). BPR's pairs say nothing against
    /// such an item, and drawing it would only push it below every user — teaching "new means bad" and erasing what
    /// its entity tells. Left out, its offset η stays 0 and its score u_iᵀe_j comes from the graph alone.
    /// </summary>
    public bool ColdNegatives { get; init; }

    /// <summary>Seed of the initial vectors and of the sampling (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Factors is < 1 or > 1024)
        {
            throw new ArgumentException($"Factors must be in [1, 1024], got {Factors}.", nameof(Factors));
        }

        if (Epochs < 1)
        {
            throw new ArgumentException($"Epochs must be at least 1, got {Epochs}.", nameof(Epochs));
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"BatchSize must be at least 1, got {BatchSize}.", nameof(BatchSize));
        }

        if (KnowledgeBatchSize < 0)
        {
            throw new ArgumentException($"KnowledgeBatchSize must be non-negative (0 leaves the graph out of the loss), got {KnowledgeBatchSize}.", nameof(KnowledgeBatchSize));
        }

        if (!(KnowledgeWeight >= 0) || !float.IsFinite(KnowledgeWeight))
        {
            throw new ArgumentException($"KnowledgeWeight must be non-negative and finite, got {KnowledgeWeight}.", nameof(KnowledgeWeight));
        }

        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"LearningRate must be positive and finite, got {LearningRate}.", nameof(LearningRate));
        }

        if (!(Regularization >= 0) || !float.IsFinite(Regularization))
        {
            throw new ArgumentException($"Regularization must be non-negative and finite, got {Regularization}.", nameof(Regularization));
        }

        if (NegativeCandidates is < 1 or > 1000)
        {
            throw new ArgumentException($"NegativeCandidates must be in [1, 1000], got {NegativeCandidates}.", nameof(NegativeCandidates));
        }
    }
}
