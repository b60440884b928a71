namespace KnowRec.Models.Knn;

/// <summary>How the interaction values are re-weighted before the similarity is computed (implicit's nearest-neighbour recommenders).</summary>
/// <remarks>
/// The compared vectors are documents and the other side's indices are terms (for item-item: items are documents, users
/// are terms), as in implicit's <c>tfidf_weight</c> and <c>bm25_weight</c>, with idf_t = ln N − ln(1 + df_t).
/// </remarks>
public enum KnnWeighting
{
    /// <summary>The raw values.</summary>
    None,

    /// <summary>√value · idf (implicit's TFIDFRecommender).</summary>
    TfIdf,

    /// <summary>Okapi BM25: value·(K1 + 1) / (K1·(1 − B + B·length/avg length) + value) · idf (implicit's BM25Recommender).</summary>
    /// <remarks>Compared by the plain dot product, not the cosine, as implicit does: BM25 already normalises length.</remarks>
    Bm25,
}
