namespace KnowRec.Models.KnowledgeAware;

/// <summary>Options of <see cref="KginModel"/> (KGIN, Wang et al. 2021).</summary>
/// <remarks>Defaults follow the paper's code (64 dimensions, 3 hops, 4 intents) with fewer epochs at a higher rate and larger batches, so that a fit takes minutes.</remarks>
public sealed record KginOptions : IModelOptions
{
    /// <summary>Size d of every embedding: users, entities, relations (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Aggregation hops L (default 3; 0 leaves matrix factorisation with the independence term).</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Number of user intents |P| (eq. 2; default 4).</summary>
    public int Intents { get; init; } = 4;

    /// <summary>Epochs; each draws as many BPR triples as training pairs (default 20).</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Triples per gradient step (default 4096); every step aggregates over the whole graph.</summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>Adam step size (default 0.005).</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>L2 weight λ₂ on the layer-0 embeddings of each batch's users and items (eq. 16; default 1e-5, the paper's code).</summary>
    public float Regularization { get; init; } = 1e-5f;

    /// <summary>Weight λ₁ of the independence loss between intents (eqs. 14, 16; default 1e-4, the paper's code).</summary>
    public float IndependenceWeight { get; init; } = 1e-4f;

    /// <summary>Temperature τ of the mutual-information independence loss (eq. 14; default 0.2).</summary>
    public float Temperature { get; init; } = 0.2f;

    /// <summary>Message dropout on each hop's output while training (default 0.1, the paper's code).</summary>
    public float Dropout { get; init; } = 0.1f;

    /// <summary>Unseen candidates drawn per negative, of which the best scoring is used (dynamic negative sampling; default 1, uniform).</summary>
    public int NegativeCandidates { get; init; } = 1;

    /// <summary>Seed of the initial parameters, the sampling and the dropout masks (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Factors is < 1 or > 1024)
        {
            throw new ArgumentException($"Factors must be in [1, 1024], got {Factors}.", nameof(Factors));
        }

        if (Layers is < 0 or > 8)
        {
            throw new ArgumentException($"Layers must be in [0, 8], got {Layers}.", nameof(Layers));
        }

        if (Intents is < 1 or > 64)
        {
            throw new ArgumentException($"Intents must be in [1, 64], got {Intents}.", nameof(Intents));
        }

        if (Epochs < 1)
        {
            throw new ArgumentException($"Epochs must be at least 1, got {Epochs}.", nameof(Epochs));
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"BatchSize must be at least 1, got {BatchSize}.", nameof(BatchSize));
        }

        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"LearningRate must be positive and finite, got {LearningRate}.", nameof(LearningRate));
        }

        if (!(Regularization >= 0) || !float.IsFinite(Regularization))
        {
            throw new ArgumentException($"Regularization must be non-negative and finite, got {Regularization}.", nameof(Regularization));
        }

        if (!(IndependenceWeight >= 0) || !float.IsFinite(IndependenceWeight))
        {
            throw new ArgumentException($"IndependenceWeight must be non-negative and finite, got {IndependenceWeight}.", nameof(IndependenceWeight));
        }

        if (!(Temperature > 0) || !float.IsFinite(Temperature))
        {
            throw new ArgumentException($"Temperature must be positive and finite, got {Temperature}.", nameof(Temperature));
        }

        if (!(Dropout >= 0 && Dropout < 1))
        {
            throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}.", nameof(Dropout));
        }

        if (NegativeCandidates is < 1 or > 1000)
        {
            throw new ArgumentException($"NegativeCandidates must be in [1, 1000], got {NegativeCandidates}.", nameof(NegativeCandidates));
        }
    }
}
