namespace KnowRec.Models.Neural;

/// <summary>How <see cref="BilinearModel"/> is trained.</summary>
public enum BilinearLoss
{
    /// <summary>Pairwise: −ln σ(f(u,i) − f(u,j)) over a positive i and an unseen j (BPR, Rendle et al. 2009, eq. 6).</summary>
    Bpr,

    /// <summary>Pointwise: binary cross-entropy of σ(f(u,i)) against 1 for positives and 0 for sampled unseen items.</summary>
    Bce,
}
