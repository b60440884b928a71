namespace KnowRec.Knowledge.Embeddings;

/// <summary>Which knowledge-graph embedding <see cref="KgEmbedding"/> fits.</summary>
public enum KgEmbeddingMethod
{
    /// <summary>TransE (Bordes et al. 2013): a relation is a translation, f(h, r, t) = ‖h + r − t‖ (L1 or L2).</summary>
    TransE,

    /// <summary>TransR (Lin et al. 2015): entities are projected into the relation's space first, f = ‖h M_r + r − t M_r‖².</summary>
    TransR,

    /// <summary>RotatE (Sun et al. 2019): a relation is a rotation in complex space, f = Σ_j |h_j r_j − t_j| with |r_j| = 1.</summary>
    RotatE,
}
