using System.Globalization;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>Options of <see cref="KgatModel"/> (KGAT, Wang et al. 2019).</summary>
/// <remarks>
/// The paper trains 64-dimensional embeddings with layers of 64, 32 and 16 for up to 1,000 epochs at learning rate
/// 10⁻⁴; the defaults keep its shapes but train 20 epochs at a higher rate with large batches, so that a fit takes
/// minutes. Only NegativeCandidates was compared on a validation split carved from the training rows (docs/results.md,
/// "Knowledge-aware models"); the rest is untuned.
/// </remarks>
public sealed record KgatOptions : IModelOptions
{
    /// <summary>Size d of the user and entity embeddings (default 64, as the paper).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Size k of the relation space of TransR (eq. 1; default 64, as the paper).</summary>
    public int RelationFactors { get; init; } = 64;

    /// <summary>Output sizes of the propagation layers, comma-separated (eq. 8; default "64,32,16", as the paper; "" for none).</summary>
    public string LayerSizes { get; init; } = "64,32,16";

    /// <summary>Epochs; each is a CF phase of as many triples as training pairs, a KG phase over every graph edge, and new attention (default 20).</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>BPR triples per gradient step of the CF phase (default 4096). Every step propagates over the whole graph, so larger batches make epochs cheaper.</summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>Triples per gradient step of the KG phase (default 8192).</summary>
    public int KnowledgeBatchSize { get; init; } = 8192;

    /// <summary>Adam step size of both phases (default 0.005).</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>L2 weight λ on the batch's final representations in the CF loss (eq. 13's Θ term, as the reference code applies it; default 1e-5, as the paper).</summary>
    public float Regularization { get; init; } = 1e-5f;

    /// <summary>L2 weight on the projected entities and the relation embeddings in the TransR loss (eq. 2; default 1e-5).</summary>
    public float KnowledgeRegularization { get; init; } = 1e-5f;

    /// <summary>Message dropout on each layer's output while training (§3.1; default 0.1, as the paper).</summary>
    public float Dropout { get; init; } = 0.1f;

    /// <summary>
    /// Unseen candidates drawn per negative, of which the best scoring under the step's representations is used
    /// (dynamic negative sampling, Zhang et al. 2013; 1 is the paper's uniform sampling). Default 5: on a validation
    /// split of ml-100k it lifted NDCG@10 from 0.0333 to 0.0406 after 20 epochs (docs/results.md).
    /// </summary>
    public int NegativeCandidates { get; init; } = 5;

    /// <summary>Seed of the initial parameters, the sampling and the dropout masks (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The parsed <see cref="LayerSizes"/>.</summary>
    internal int[] Layers() =>
        [.. LayerSizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    /// <summary>Length of the final representations: d plus every layer's size (eq. 11).</summary>
    internal int Width => Factors + Layers().Sum();

    /// <inheritdoc/>
    public void Validate()
    {
        if (Factors is < 1 or > 1024)
        {
            throw new ArgumentException($"Factors must be in [1, 1024], got {Factors}.", nameof(Factors));
        }

        if (RelationFactors is < 1 or > 1024)
        {
            throw new ArgumentException($"RelationFactors must be in [1, 1024], got {RelationFactors}.", nameof(RelationFactors));
        }

        var parts = (LayerSizes ?? throw new ArgumentException("LayerSizes must not be null.", nameof(LayerSizes)))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 8 || parts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size is < 1 or > 1024))
        {
            throw new ArgumentException($"LayerSizes must list at most 8 comma-separated sizes in [1, 1024], got '{LayerSizes}'.", nameof(LayerSizes));
        }

        if (Epochs < 1)
        {
            throw new ArgumentException($"Epochs must be at least 1, got {Epochs}.", nameof(Epochs));
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"BatchSize must be at least 1, got {BatchSize}.", nameof(BatchSize));
        }

        if (KnowledgeBatchSize < 1)
        {
            throw new ArgumentException($"KnowledgeBatchSize must be at least 1, got {KnowledgeBatchSize}.", nameof(KnowledgeBatchSize));
        }

        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"LearningRate must be positive and finite, got {LearningRate}.", nameof(LearningRate));
        }

        if (!(Regularization >= 0) || !float.IsFinite(Regularization))
        {
            throw new ArgumentException($"Regularization must be non-negative and finite, got {Regularization}.", nameof(Regularization));
        }

        if (!(KnowledgeRegularization >= 0) || !float.IsFinite(KnowledgeRegularization))
        {
            throw new ArgumentException($"KnowledgeRegularization must be non-negative and finite, got {KnowledgeRegularization}.", nameof(KnowledgeRegularization));
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
