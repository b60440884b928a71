using KnowRec.Features.Fusion;
using KnowRec.Models.Neural;

namespace KnowRec.Models.Hybrid;

/// <summary>Options of <see cref="HybridModel"/>.</summary>
/// <remarks>The training options mean what they mean for <see cref="TwoTowerOptions"/>; defaults are two-tower's unless said.</remarks>
public sealed record HybridOptions : IModelOptions
{
    /// <summary>How the item tower fuses the id embedding with the item vector sources (default <see cref="FusionKind.Concat"/>).</summary>
    public FusionKind Fusion { get; init; } = FusionKind.Concat;

    /// <summary>
    /// The item vector sources fused with the id, comma-separated (e.g. <c>genres,kg,text</c>): names of
    /// <see cref="Data.Dataset.ItemVectors"/>, plus <c>genres</c> (the genre multi-hot, built from the metadata) and
    /// <c>kg</c> (a TransE embedding of the attached graph, trained at fit time when the dataset has no <c>kg</c> source);
    /// <c>all</c> (default) takes every dataset source, genres when items have any and kg when a graph is attached;
    /// <c>none</c> leaves the id alone.
    /// </summary>
    public string Sources { get; init; } = "all";

    /// <summary>Size d of the id embeddings, the fused space and the shared output space (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Width of the hidden ReLU layer after fusion in the item tower and in the user tower; 0 for none (default 128).</summary>
    public int Hidden { get; init; } = 128;

    /// <summary>Uniform negatives shared per batch beside the in-batch ones (default 256).</summary>
    public int Negatives { get; init; } = 256;

    /// <summary>Log Q correction of the sampled softmax (Yi et al. 2019, eq. 3) (default true).</summary>
    public bool LogQCorrection { get; init; } = true;

    /// <summary>Probability of masking a user's or item's id during training, so the towers learn to score from features alone, as they must for cold items (default 0.1).</summary>
    public float IdDropout { get; init; } = 0.1f;

    /// <summary>Give the user tower the one-hot of the dataset's user attributes (default true).</summary>
    public bool UserAttributes { get; init; } = true;

    /// <summary>Give the user tower the mean of each source's vectors over the user's training items (a content profile; default false).</summary>
    public bool UserProfile { get; init; }

    /// <summary>Dimension of the <c>kg</c> source when it is trained at fit time (default 32).</summary>
    public int KgDimension { get; init; } = 32;

    /// <summary>Epochs of the <c>kg</c> source's TransE fit when it is trained at fit time (default 10).</summary>
    public int KgEpochs { get; init; } = 10;

    /// <summary>Passes over the positive pairs (default 20).</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Positive pairs per mini-batch (default 512).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Adam step size (default 0.001).</summary>
    public float LearningRate { get; init; } = 0.001f;

    /// <summary>L2 coefficient added to every gradient by Adam (default 0).</summary>
    public float WeightDecay { get; init; }

    /// <summary>Early stopping patience in epochs on a validation share of the training rows; 0 for none (default 0).</summary>
    public int Patience { get; init; }

    /// <summary>Share of each user's training rows held out for early stopping when <see cref="Patience"/> is above 0 (default 0.1).</summary>
    public float ValidationShare { get; init; } = 0.1f;

    /// <summary>Seed of the initial values, the sampling, the id dropout and the kg fit (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Fusion))
        {
            throw new ArgumentException($"Fusion must be one of {string.Join(", ", Enum.GetNames<FusionKind>())}, got {Fusion}.", nameof(Fusion));
        }

        if (string.IsNullOrWhiteSpace(Sources))
        {
            throw new ArgumentException("Sources must name item vector sources, 'all' or 'none'.", nameof(Sources));
        }

        NeuralChecks.Range(Factors, 1, 1024, nameof(Factors));
        NeuralChecks.Range(Hidden, 0, 4096, nameof(Hidden));
        NeuralChecks.Range(Negatives, 0, 100_000, nameof(Negatives));
        NeuralChecks.Fraction(IdDropout, nameof(IdDropout));
        NeuralChecks.Range(KgDimension, 1, 1024, nameof(KgDimension));
        NeuralChecks.Range(KgEpochs, 1, 10_000, nameof(KgEpochs));
        NeuralChecks.Range(Patience, 0, 100_000, nameof(Patience));
        NeuralChecks.Share(ValidationShare, nameof(ValidationShare));
        NeuralChecks.Range(Epochs, 1, 100_000, nameof(Epochs));
        NeuralChecks.Range(BatchSize, 1, 1 << 16, nameof(BatchSize));
        NeuralChecks.Positive(LearningRate, nameof(LearningRate));
        NeuralChecks.NotNegative(WeightDecay, nameof(WeightDecay));
    }

    internal TowerSchedule Schedule => new(Epochs, BatchSize, LearningRate, WeightDecay, Negatives, LogQCorrection, IdDropout, Seed);
}
