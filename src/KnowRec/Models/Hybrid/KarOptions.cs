using KnowRec.Models.Neural;

namespace KnowRec.Models.Hybrid;

/// <summary>Options of <see cref="KarModel"/>.</summary>
/// <remarks>Training options mean what they mean for <see cref="TwoTowerOptions"/> (two-tower backbone) and <see cref="NcfOptions"/> (ncf backbone).</remarks>
public sealed record KarOptions : IModelOptions
{
    /// <summary>The backbone the augmented vectors feed (default <see cref="KarBackbone.TwoTower"/>).</summary>
    public KarBackbone Backbone { get; init; } = KarBackbone.TwoTower;

    /// <summary>The item knowledge source: a name of <see cref="Data.Dataset.ItemVectors"/>, or <c>auto</c> (default): <c>knowledge</c>, else <c>text</c>.</summary>
    public string Knowledge { get; init; } = "auto";

    /// <summary>Experts shared by the user and item sides of the adaptor (n_s, default 2).</summary>
    public int SharedExperts { get; init; } = 2;

    /// <summary>Experts dedicated to each side (n_r for the user's reasoning vector, n_f for the item's factual one; default 2).</summary>
    public int DedicatedExperts { get; init; } = 2;

    /// <summary>Hidden width of each expert's MLP (default 64).</summary>
    public int ExpertHidden { get; init; } = 64;

    /// <summary>Width of the augmented vectors (default 32).</summary>
    public int Augmented { get; init; } = 32;

    /// <summary>Size of the id embeddings and output space (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Hidden width of each tower (two-tower) or of the first MLP layer (ncf; the next is half) (default 128).</summary>
    public int Hidden { get; init; } = 128;

    /// <summary>Two-tower: uniform negatives shared per batch; ncf: unseen negatives per positive (default 256 for two-tower; ncf uses 4 when left at 256).</summary>
    public int Negatives { get; init; } = 256;

    /// <summary>Two-tower backbone: probability of dropping an id to the "no id" row in training (default 0.1).</summary>
    public float IdDropout { get; init; } = 0.1f;

    /// <summary>Give the backbone the dataset's genres (items) and attributes (users) beside the augmented vectors (default true).</summary>
    public bool CatalogueFeatures { get; init; } = true;

    /// <summary>Passes over the positive pairs (default 20).</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Examples per mini-batch (default 512).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Adam step size (default 0.001).</summary>
    public float LearningRate { get; init; } = 0.001f;

    /// <summary>L2 coefficient added to every gradient by Adam (default 0).</summary>
    public float WeightDecay { get; init; }

    /// <summary>Seed of the initial values, the sampling and the dropout (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Backbone))
        {
            throw new ArgumentException($"Backbone must be one of {string.Join(", ", Enum.GetNames<KarBackbone>())}, got {Backbone}.", nameof(Backbone));
        }

        if (string.IsNullOrWhiteSpace(Knowledge))
        {
            throw new ArgumentException("Knowledge must name an item vector source or be 'auto'.", nameof(Knowledge));
        }

        NeuralChecks.Range(SharedExperts, 0, 64, nameof(SharedExperts));
        NeuralChecks.Range(DedicatedExperts, 0, 64, nameof(DedicatedExperts));
        if (SharedExperts + DedicatedExperts == 0)
        {
            throw new ArgumentException("The adaptor needs at least one expert (SharedExperts + DedicatedExperts > 0).", nameof(SharedExperts));
        }

        NeuralChecks.Range(ExpertHidden, 1, 4096, nameof(ExpertHidden));
        NeuralChecks.Range(Augmented, 1, 1024, nameof(Augmented));
        NeuralChecks.Range(Factors, 1, 1024, nameof(Factors));
        NeuralChecks.Range(Hidden, 2, 4096, nameof(Hidden));
        NeuralChecks.Range(Negatives, 1, 100_000, nameof(Negatives));
        NeuralChecks.Fraction(IdDropout, nameof(IdDropout));
        NeuralChecks.Range(Epochs, 1, 100_000, nameof(Epochs));
        NeuralChecks.Range(BatchSize, 1, 1 << 16, nameof(BatchSize));
        NeuralChecks.Positive(LearningRate, nameof(LearningRate));
        NeuralChecks.NotNegative(WeightDecay, nameof(WeightDecay));
    }
}
