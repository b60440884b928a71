namespace KnowRec.Models.Knn;

/// <summary>How <see cref="ItemKnnModel"/> and <see cref="UserKnnModel"/> compare two vectors (after weighting).</summary>
/// <remarks>
/// All three are the cosine of a transformed vector over its observed entries (missing entries count as 0), so a
/// similarity is a sum over shared coordinates, which is what makes explanations exact. Pearson and AdjustedCosine need
/// graded values (ratings, counts or TF-IDF/BM25 weights): on unary 0/1 data every centred value is 0.
/// </remarks>
public enum KnnSimilarity
{
    /// <summary>Cosine of the (weighted) vectors (Sarwar et al. 2001, §3.1.1; implicit's CosineRecommender).</summary>
    Cosine,

    /// <summary>Cosine after subtracting each compared vector's mean over its observed entries (Pearson, Sarwar et al. 2001, §3.1.2).</summary>
    Pearson,

    /// <summary>Cosine after subtracting the other side's mean, e.g. the user mean for item-item (Sarwar et al. 2001, §3.1.3).</summary>
    AdjustedCosine,
}
