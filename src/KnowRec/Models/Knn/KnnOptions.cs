namespace KnowRec.Models.Knn;

/// <summary>Options of <see cref="ItemKnnModel"/> and <see cref="UserKnnModel"/>.</summary>
/// <remarks>
/// Defaults were tuned for item-knn on a validation split carved from the ML-1M training part only (see
/// <see cref="ItemKnnModel"/> for the grid and figures); user-knn uses the same defaults.
/// </remarks>
public sealed record KnnOptions : IModelOptions
{
    /// <summary>The similarity (default <see cref="KnnSimilarity.Cosine"/>).</summary>
    public KnnSimilarity Similarity { get; init; } = KnnSimilarity.Cosine;

    /// <summary>Re-weighting of the values before the similarity (default <see cref="KnnWeighting.TfIdf"/>).</summary>
    public KnnWeighting Weighting { get; init; } = KnnWeighting.TfIdf;

    /// <summary>k: neighbours kept per item (item-knn) or per user (user-knn) (default 30).</summary>
    public int Neighbours { get; init; } = 30;

    /// <summary>λ of the shrinkage factor n/(n + λ) on a similarity supported by n co-occurrences (Koren 2008, §2.2; default 0: none).</summary>
    public float Shrinkage { get; init; }

    /// <summary>BM25 term-frequency saturation K1 (default 1.2); used only with <see cref="KnnWeighting.Bm25"/>.</summary>
    public float Bm25K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation B in [0, 1] (default 0.75); used only with <see cref="KnnWeighting.Bm25"/>.</summary>
    public float Bm25B { get; init; } = 0.75f;

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Similarity))
        {
            throw new ArgumentException($"Similarity {Similarity} is not defined.", nameof(Similarity));
        }

        if (!Enum.IsDefined(Weighting))
        {
            throw new ArgumentException($"Weighting {Weighting} is not defined.", nameof(Weighting));
        }

        if (Neighbours < 1)
        {
            throw new ArgumentException($"Neighbours must be at least 1, not {Neighbours}.", nameof(Neighbours));
        }

        if (!(Shrinkage >= 0f && float.IsFinite(Shrinkage)))
        {
            throw new ArgumentException($"Shrinkage must be non-negative and finite, not {Shrinkage}.", nameof(Shrinkage));
        }

        if (!(Bm25K1 >= 0f && float.IsFinite(Bm25K1)))
        {
            throw new ArgumentException($"Bm25K1 must be non-negative and finite, not {Bm25K1}.", nameof(Bm25K1));
        }

        if (!(Bm25B >= 0f && Bm25B <= 1f))
        {
            throw new ArgumentException($"Bm25B must lie in [0, 1], not {Bm25B}.", nameof(Bm25B));
        }
    }
}
