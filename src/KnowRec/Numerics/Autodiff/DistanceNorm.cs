namespace KnowRec.Numerics.Autodiff;

/// <summary>How <see cref="Ops.TranslationDistance"/> measures the length of a row.</summary>
public enum DistanceNorm
{
    /// <summary>Σ |x_j| (TransE's L1 dissimilarity).</summary>
    L1,

    /// <summary>√(Σ x_j²) (TransE's L2 dissimilarity).</summary>
    L2,

    /// <summary>Σ x_j² (TransR's score, Lin et al. 2015, eq. 3).</summary>
    SquaredL2,
}
