namespace KnowRec.Models.Als;

/// <summary>How <see cref="AlsModel"/> solves each user's and item's k × k least-squares system.</summary>
public enum AlsSolver
{
    /// <summary>
    /// A few conjugate-gradient steps warm-started from the previous factors (Takács, Pilászy, Tikk 2011, Algorithm 2):
    /// O(k·n_u + k²) per user and step instead of O(k²·n_u + k³), and as accurate after a few sweeps.
    /// </summary>
    ConjugateGradient,

    /// <summary>The exact solve of Hu, Koren, Volinsky 2008, eq. 4, by Cholesky factorisation: O(k²·n_u + k³) per user.</summary>
    Cholesky,
}
