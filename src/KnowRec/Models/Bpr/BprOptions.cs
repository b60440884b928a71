namespace KnowRec.Models.Bpr;

/// <summary>Options of <see cref="BprModel"/> (BPR-MF, Rendle et al. 2009).</summary>
/// <remarks>
/// Defaults were chosen on a validation split carved from the training part of the ML-1M fixed split (never on its
/// test part); the tuning is written down in <c>docs/results.md</c>.
/// </remarks>
public sealed record BprOptions : IModelOptions
{
    /// <summary>Number of latent factors k (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Passes over the data; each draws as many triples as there are training pairs (default 30).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Initial SGD step α of LearnBPR; it decays linearly to 0 over the epochs (default 0.05).</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>L2 weight λ on user and item factors (default 0.02).</summary>
    public float Regularization { get; init; } = 0.02f;

    /// <summary>L2 weight on the item biases (default 0.01).</summary>
    public float BiasRegularization { get; init; } = 0.01f;

    /// <summary>
    /// Negative candidates drawn per positive pair; the highest-scoring one is used (dynamic negative sampling, Zhang
    /// et al. 2013); 1 is Rendle's uniform sampling (default 5).
    /// </summary>
    public int NegativeCandidates { get; init; } = 5;

    /// <summary>Seed of the initial factors and of the sampling streams (default 42).</summary>
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

        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"LearningRate must be positive and finite, got {LearningRate}.", nameof(LearningRate));
        }

        if (!(Regularization >= 0) || !float.IsFinite(Regularization))
        {
            throw new ArgumentException($"Regularization must be non-negative and finite, got {Regularization}.", nameof(Regularization));
        }

        if (!(BiasRegularization >= 0) || !float.IsFinite(BiasRegularization))
        {
            throw new ArgumentException($"BiasRegularization must be non-negative and finite, got {BiasRegularization}.", nameof(BiasRegularization));
        }

        if (NegativeCandidates is < 1 or > 1000)
        {
            throw new ArgumentException($"NegativeCandidates must be in [1, 1000], got {NegativeCandidates}.", nameof(NegativeCandidates));
        }
    }
}
