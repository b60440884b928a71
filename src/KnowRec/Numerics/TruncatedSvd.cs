namespace KnowRec.Numerics;

/// <summary>A rank-k factorisation A ≈ U·diag(σ)·Vᵀ: the k largest singular values with their left and right singular vectors.</summary>
/// <param name="Rank">k, the number of singular triplets kept.</param>
/// <param name="SingularValues">σ₁ ≥ … ≥ σ_k &gt; 0.</param>
/// <param name="Left">U, rows(A) × k, row-major, orthonormal columns.</param>
/// <param name="Right">V, columns(A) × k, row-major, orthonormal columns.</param>
public sealed record TruncatedSvd(int Rank, float[] SingularValues, float[] Left, float[] Right);
