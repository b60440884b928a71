using System.Numerics;

namespace KnowRec.Numerics;

/// <summary>Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix, and solves with the factor.</summary>
/// <remarks>
/// Matrices are dense, row-major, n × n. <see cref="Factor{T}"/> overwrites the lower triangle with L (the strict upper
/// triangle is left as it was). Golub &amp; Van Loan, Matrix Computations, 4th ed., Algorithm 4.2.1.
/// </remarks>
public static class Cholesky
{
    /// <summary>Factors <paramref name="a"/> in place; returns false when it is not (numerically) positive definite.</summary>
    public static bool Factor<T>(Span<T> a, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * n);
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, j);
            T diagonal = a[(j * n) + j] - Dot<T>(rowJ, rowJ);
            if (!(diagonal > T.Zero) || !T.IsFinite(diagonal))
            {
                return false;
            }

            T pivot = T.Sqrt(diagonal);
            a[(j * n) + j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                a[(i * n) + j] = (a[(i * n) + j] - Dot<T>(a.Slice(i * n, j), rowJ)) / pivot;
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place (b becomes x), given the factor from <see cref="Factor{T}"/>.</summary>
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
        T sum = T.Zero;
        for (int k = 0; k < x.Length; k++)
        {
            sum += x[k] * y[k];
        }

        return sum;
    }
}
