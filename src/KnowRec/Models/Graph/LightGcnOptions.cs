namespace KnowRec.Models.Graph;

/// <summary>Options of <see cref="LightGcnModel"/> (LightGCN, He et al. 2020).</summary>
/// <remarks>
/// Defaults were chosen on a validation split carved from the training part of the ML-1M fixed split (never on its
/// test part), under the constraint that a fit takes minutes; the tuning is written down in <c>docs/results.md</c>.
/// </remarks>
public sealed record LightGcnOptions : IModelOptions
{
    /// <summary>Embedding size d (default 128; chosen on validation rows, see docs/results.md, section "LightGCN").</summary>
    public int Factors { get; init; } = 128;

    /// <summary>Propagation layers K (default 3); 0 leaves plain matrix factorisation trained by BPR.</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Epochs; each draws as many triples as there are training pairs (default 10: with dynamic negatives, validation NDCG@10 peaks there).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Triples per gradient step (default 8192). Every step propagates over the whole graph, so larger batches make an epoch cheaper.</summary>
    public int BatchSize { get; init; } = 8192;

    /// <summary>Adam step size (default 0.01).</summary>
    public float LearningRate { get; init; } = 0.01f;

    /// <summary>L2 weight λ on the layer-0 embeddings of each batch's users and items (eq. 15; default 1e-3, the paper's code uses 1e-4).</summary>
    public float Regularization { get; init; } = 1e-3f;

    /// <summary>How each triple's user and positive item are drawn (default <see cref="LightGcnSampling.Users"/>, as the paper's code).</summary>
    public LightGcnSampling Sampling { get; init; } = LightGcnSampling.Users;

    /// <summary>
    /// Unseen candidates drawn for each negative; the one the current propagated embeddings score highest is used
    /// (dynamic negative sampling, Zhang et al. 2013). 1 is the paper's uniform sampling; 5 reaches in 10 epochs the
    /// validation NDCG@10 that uniform sampling reaches in 80 (default 5). On a tiny catalogue, where a user's few unseen
    /// items are mostly the ones to be found, the hardest draw is often a true positive: use 1 there.
    /// </summary>
    public int NegativeCandidates { get; init; } = 5;

    /// <summary>Seed of the initial embeddings and of the sampling (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Factors is < 1 or > 1024)
        {
            throw new ArgumentException($"Factors must be in [1, 1024], got {Factors}.", nameof(Factors));
        }

        if (Layers is < 0 or > 10)
        {
            throw new ArgumentException($"Layers must be in [0, 10], got {Layers}.", nameof(Layers));
        }

        if (Epochs < 1)
        {
            throw new ArgumentException($"Epochs must be at least 1, got {Epochs}.", nameof(Epochs));
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"BatchSize must be at least 1, got {BatchSize}.", nameof(BatchSize));
        }

        if (NegativeCandidates is < 1 or > 1000)
        {
            throw new ArgumentException($"NegativeCandidates must be in [1, 1000], got {NegativeCandidates}.", nameof(NegativeCandidates));
        }

        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"LearningRate must be positive and finite, got {LearningRate}.", nameof(LearningRate));
        }

        if (!Enum.IsDefined(Sampling))
        {
            throw new ArgumentException($"Sampling must be Pairs or Users, got {Sampling}.", nameof(Sampling));
        }

        if (!(Regularization >= 0) || !float.IsFinite(Regularization))
        {
            throw new ArgumentException($"Regularization must be non-negative and finite, got {Regularization}.", nameof(Regularization));
        }
    }
}
