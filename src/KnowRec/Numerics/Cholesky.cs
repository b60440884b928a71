using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KnowRec.Numerics;

/// <summary>Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix, and solves with the factor.</summary>
/// <remarks>
/// Matrices are dense, row-major, n × n. <see cref="Factor{T}(Span{T}, int)"/> overwrites the lower triangle with L (the strict upper
/// triangle is left as it was). Golub &amp; Van Loan, Matrix Computations, 4th ed., Algorithm 4.2.1 for small n, and its
/// blocked right-looking form (Section 4.2.9) above <see cref="BlockSize"/>: the panel below each diagonal block is
/// solved with an explicit inverse of that block, and the trailing update A₂₂ −= L₂₁·L₂₁ᵀ runs on
/// <see cref="Syrk"/>, so almost all of the n³/3 multiply-adds go through the packed GEMM kernels.
/// </remarks>
public static partial class Cholesky
{
    /// <summary>Factors <paramref name="a"/> in place; returns false when it is not (numerically) positive definite.</summary>
    public static bool Factor<T>(Span<T> a, int n)
        where T : unmanaged, IFloatingPointIeee754<T> => Factor(a, n, threads: 0);

    /// <summary>Factors <paramref name="a"/> in place with at most <paramref name="threads"/> threads; returns false when it is not positive definite.</summary>
    /// <param name="a">The n × n matrix, row-major; only its lower triangle is read.</param>
    /// <param name="n">Order of the matrix.</param>
    /// <param name="threads">Most threads the blocked form may use; 0 or less means all cores.</param>
    public static bool Factor<T>(Span<T> a, int n, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * n);
        return n > BlockSize ? FactorBlocked(a, n, threads) : FactorUnblocked(a, n, n);
    }

    // Algorithm 4.2.1 on the leading n × n block of a matrix with leading dimension ld.
    private static bool FactorUnblocked<T>(Span<T> a, int n, int ld)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * ld, j);
            T diagonal = a[(j * ld) + j] - Dot<T>(rowJ, rowJ);
            if (!(diagonal > T.Zero) || !T.IsFinite(diagonal))
            {
                return false;
            }

            T pivot = T.Sqrt(diagonal);
            a[(j * ld) + j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                a[(i * ld) + j] = (a[(i * ld) + j] - Dot<T>(a.Slice(i * ld, j), rowJ)) / pivot;
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place (b becomes x), given the factor from <see cref="Factor{T}(Span{T}, int)"/>.</summary>
    public static void Solve<T>(ReadOnlySpan<T> factor, int n, Span<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor.Length, n * n);
        ArgumentOutOfRangeException.ThrowIfLessThan(b.Length, n);

        // Forward: L·y = b.
        for (int i = 0; i < n; i++)
        {
            b[i] = (b[i] - Dot<T>(factor.Slice(i * n, i), b[..i])) / factor[(i * n) + i];
        }

        // Backward: Lᵀ·x = y (column i of L is row i of Lᵀ).
        for (int i = n - 1; i >= 0; i--)
        {
            T sum = b[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= factor[(k * n) + i] * b[k];
            }

            b[i] = sum / factor[(i * n) + i];
        }
    }

    private static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The SIMD dot product for the two types that have one; the typeof tests fold away per instantiation.
        if (typeof(T) == typeof(double))
        {
            double d = TensorPrimitives.Dot(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
            return Unsafe.As<double, T>(ref d);
        }

        if (typeof(T) == typeof(float))
        {
            float f = TensorPrimitives.Dot(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
            return Unsafe.As<float, T>(ref f);
        }

        T sum = T.Zero;
        for (int k = 0; k < x.Length; k++)
        {
            sum += x[k] * y[k];
        }

        return sum;
    }
}
