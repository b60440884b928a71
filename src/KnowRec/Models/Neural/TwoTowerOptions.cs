namespace KnowRec.Models.Neural;

/// <summary>Options of <see cref="TwoTowerModel"/>.</summary>
/// <remarks>
/// Defaults were chosen on a validation split carved from the training part of the ML-1M fixed split (never on its
/// test part); the settings tried are in <c>docs/results.md</c>, section "NCF, bilinear, two-tower".
/// </remarks>
public sealed record TwoTowerOptions : IModelOptions
{
    /// <summary>Size d of the id embeddings and of the shared output space (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Width of each tower's hidden ReLU layer; 0 makes each tower one affine map of [id embedding; features] (default 128).</summary>
    public int Hidden { get; init; } = 128;

    /// <summary>
    /// Items drawn uniformly per mini-batch and shared by its rows, as extra negatives beside the other rows'
    /// positives (mixed negative sampling, Yang et al. 2020) (default 256).
    /// </summary>
    public int Negatives { get; init; } = 256;

    /// <summary>
    /// Subtract log Q(j), the expected count of item j among a batch's candidates, from its logit (Yi et al. 2019,
    /// eq. 3), so in-batch negatives, which follow popularity, do not push popular items down (default true).
    /// </summary>
    public bool LogQCorrection { get; init; } = true;

    /// <summary>Probability of replacing a user's or item's id by the shared "no id" row during training, so each tower also learns to score from features alone, as it must for cold users and items (default 0.1).</summary>
    public float IdDropout { get; init; } = 0.1f;

    /// <summary>Use the dataset's item genres as item features when <c>Fit</c> is not given any (default true).</summary>
    public bool ItemGenres { get; init; } = true;

    /// <summary>Use the dataset's user attributes (one-hot) as user features when <c>Fit</c> is not given any (default true).</summary>
    public bool UserAttributes { get; init; } = true;

    /// <summary>Passes over the positive pairs (default 20).</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Positive pairs per mini-batch, each row's softmax running over the batch's items and the sampled ones (default 512).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Adam step size (default 0.001).</summary>
    public float LearningRate { get; init; } = 0.001f;

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

    /// <summary>Seed of the initial values, the sampling and the id dropout (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        NeuralChecks.Range(Factors, 1, 1024, nameof(Factors));
        NeuralChecks.Range(Hidden, 0, 4096, nameof(Hidden));
        NeuralChecks.Range(Negatives, 0, 100_000, nameof(Negatives));
        NeuralChecks.Fraction(IdDropout, nameof(IdDropout));
        NeuralChecks.Range(Patience, 0, 100_000, nameof(Patience));
        NeuralChecks.Share(ValidationShare, nameof(ValidationShare));
        NeuralChecks.Range(Epochs, 1, 100_000, nameof(Epochs));
        NeuralChecks.Range(BatchSize, 1, 1 << 16, nameof(BatchSize));
        NeuralChecks.Positive(LearningRate, nameof(LearningRate));
        NeuralChecks.NotNegative(WeightDecay, nameof(WeightDecay));
    }
}
