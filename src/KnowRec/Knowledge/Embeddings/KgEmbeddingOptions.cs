using KnowRec.Models;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Knowledge.Embeddings;

/// <summary>Options of a knowledge-graph embedding fit (<see cref="KgEmbedding.Fit"/>).</summary>
/// <remarks>
/// The property defaults suit TransE; <see cref="For"/> gives each method's own defaults (its loss, margin and
/// negatives). Only TransE's step size was compared on validation triples of <c>kg-ml100k-freebase</c>; the others are
/// the papers' usual choices scaled to d = 64 (see docs/results.md, "KG embeddings").
/// Threads come from the <see cref="Training.TrainingContext"/>; results do not depend on them.
/// </remarks>
public sealed record KgEmbeddingOptions : IModelOptions
{
    /// <summary>The method (default TransE).</summary>
    public KgEmbeddingMethod Method { get; init; } = KgEmbeddingMethod.TransE;

    /// <summary>Embedding size d (default 64): real coordinates for TransE and TransR (whose M_r are d × d), complex ones for RotatE (2d floats per entity).</summary>
    public int Dimension { get; init; } = 64;

    /// <summary>The loss (default margin ranking).</summary>
    public KgEmbeddingLoss Loss { get; init; } = KgEmbeddingLoss.Margin;

    /// <summary>TransE's dissimilarity, L1 or L2 (default L1, Bordes et al.'s choice on FB15k); TransR always uses squared L2 and RotatE its own.</summary>
    public DistanceNorm Norm { get; init; } = DistanceNorm.L1;

    /// <summary>The margin γ of either loss (default 1).</summary>
    public float Margin { get; init; } = 1f;

    /// <summary>Passes over the training triples (default 30).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>True triples per Adam step (default 1024).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Adam step size (default 0.01).</summary>
    public float LearningRate { get; init; } = 0.01f;

    /// <summary>Corrupted triples per true triple (default 4).</summary>
    public int Negatives { get; init; } = 4;

    /// <summary>How heads or tails are chosen for corruption (default Bernoulli).</summary>
    public CorruptionSampling Sampling { get; init; } = CorruptionSampling.Bernoulli;

    /// <summary>Temperature α of RotatE's self-adversarial weights (Sun et al. 2019, eq. 4) for the logistic loss; 0 weighs negatives equally (default 0).</summary>
    public float AdversarialTemperature { get; init; }

    /// <summary>Seed of the initial embeddings, the order of triples and the corruptions (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The defaults for <paramref name="method"/>: TransE and TransR with the margin loss, RotatE with the self-adversarial logistic loss.</summary>
    public static KgEmbeddingOptions For(KgEmbeddingMethod method) => method switch
    {
        KgEmbeddingMethod.TransR => new KgEmbeddingOptions { Method = method, Margin = 1f },
        KgEmbeddingMethod.RotatE => new KgEmbeddingOptions { Method = method, Loss = KgEmbeddingLoss.Logistic, Margin = 6f, Negatives = 32, AdversarialTemperature = 1f },
        _ => new KgEmbeddingOptions { Method = method },
    };

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentException($"Method must be TransE, TransR or RotatE, got {Method}.", nameof(Method));
        }

        if (Dimension is < 1 or > 1024)
        {
            throw new ArgumentException($"Dimension must be in [1, 1024], got {Dimension}.", nameof(Dimension));
        }

        if (!Enum.IsDefined(Loss))
        {
            throw new ArgumentException($"Loss must be Margin or Logistic, got {Loss}.", nameof(Loss));
        }

        if (Norm is not (DistanceNorm.L1 or DistanceNorm.L2))
        {
            throw new ArgumentException($"Norm must be L1 or L2, got {Norm}.", nameof(Norm));
        }

        if (!(Margin >= 0) || !float.IsFinite(Margin))
        {
            throw new ArgumentException($"Margin must be non-negative and finite, got {Margin}.", nameof(Margin));
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

        if (Negatives is < 1 or > 1024)
        {
            throw new ArgumentException($"Negatives must be in [1, 1024], got {Negatives}.", nameof(Negatives));
        }

        if (!Enum.IsDefined(Sampling))
        {
            throw new ArgumentException($"Sampling must be Uniform or Bernoulli, got {Sampling}.", nameof(Sampling));
        }

        if (!(AdversarialTemperature >= 0) || !float.IsFinite(AdversarialTemperature))
        {
            throw new ArgumentException($"AdversarialTemperature must be non-negative and finite, got {AdversarialTemperature}.", nameof(AdversarialTemperature));
        }
    }
}
