namespace KnowRec.Models.Neural;

/// <summary>Options of <see cref="BilinearModel"/>.</summary>
/// <remarks>
/// Defaults were chosen on a validation split carved from the training part of the ML-1M fixed split (never on its
/// test part); the settings tried are in <c>docs/results.md</c>, section "NCF, bilinear, two-tower".
/// </remarks>
public sealed record BilinearOptions : IModelOptions
{
    /// <summary>Size d of the user and item vectors; W is d × d (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Pairwise BPR or pointwise binary cross-entropy (default BPR, which ranked better on validation).</summary>
    public BilinearLoss Loss { get; init; } = BilinearLoss.Bpr;

    /// <summary>Unseen items sampled per positive pair each epoch: one BPR pair or one BCE negative each (default 4).</summary>
    public int Negatives { get; init; } = 4;

    /// <summary>
    /// Unseen candidates drawn for each negative; the one the current model scores highest is used (dynamic negative
    /// sampling, Zhang et al. 2013). 1 is plain uniform sampling (default 1).
    /// </summary>
    public int NegativeCandidates { get; init; } = 1;

    /// <summary>Passes over the positive pairs (default 20).</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Examples (pairs for BPR) per mini-batch (default 1024).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Adam step size (default 0.002).</summary>
    public float LearningRate { get; init; } = 0.002f;

    /// <summary>L2 coefficient added to every gradient by Adam; for embedding rows only when a batch touches them (default 0).</summary>
    public float WeightDecay { get; init; }

    /// <summary>
    /// Early stopping: 0 trains every epoch on every training row (default); above 0, a validation share of each user's
    /// training rows is held out, NDCG@10 on it is measured after every epoch, training stops after this many epochs
    /// without improvement and the model keeps the weights of its best epoch.
    /// </summary>
    public int Patience { get; init; }

    /// <summary>Share of each user's training rows held out for early stopping when <see cref="Patience"/> is above 0 (default 0.1; the latest row instead when rows have timestamps).</summary>
    public float ValidationShare { get; init; } = 0.1f;

    /// <summary>Seed of the initial values and of the negative sampling (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        NeuralChecks.Range(Factors, 1, 1024, nameof(Factors));
        if (!Enum.IsDefined(Loss))
        {
            throw new ArgumentException($"Loss must be Bpr or Bce, got {Loss}.", nameof(Loss));
        }

        NeuralChecks.Range(Negatives, 1, 1000, nameof(Negatives));
        NeuralChecks.Range(NegativeCandidates, 1, 1000, nameof(NegativeCandidates));
        NeuralChecks.Range(Patience, 0, 100_000, nameof(Patience));
        NeuralChecks.Share(ValidationShare, nameof(ValidationShare));
        NeuralChecks.Range(Epochs, 1, 100_000, nameof(Epochs));
        NeuralChecks.Range(BatchSize, 1, 1 << 20, nameof(BatchSize));
        NeuralChecks.Positive(LearningRate, nameof(LearningRate));
        NeuralChecks.NotNegative(WeightDecay, nameof(WeightDecay));
    }
}
