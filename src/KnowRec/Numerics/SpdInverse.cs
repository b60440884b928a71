using System.Buffers;
using System.Numerics;

namespace KnowRec.Numerics;

/// <summary>Inverse of a symmetric positive-definite matrix through its Cholesky factor: A⁻¹ = L⁻ᵀ·L⁻¹ (LAPACK <c>xPOTRI</c>).</summary>
/// <remarks>
/// Three blocked steps of about n³/3 multiply-adds each, all on <see cref="Gemm"/>: factor A = L·Lᵀ
/// (<see cref="Cholesky"/>), invert the triangle W = L⁻¹ (LAPACK <c>xTRTRI</c>, block columns right to left), and form
/// WᵀW (LAPACK <c>xLAUUM</c>, block rows top to bottom). Everything happens in the caller's array plus O(n·b) scratch.
/// </remarks>
public static class SpdInverse
{
    private const int Block = 128;

    /// <summary>Replaces the n × n row-major SPD matrix <paramref name="a"/> with its full inverse; false when A is not positive definite.</summary>
    /// <param name="a">The matrix; only its lower triangle is read. On false it holds partial results.</param>
    /// <param name="n">Order of the matrix.</param>
    /// <param name="threads">Most threads to use; 0 or less means all cores.</param>
    public static bool Invert<T>(Span<T> a, int n, int threads = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * n);
        if (!Cholesky.Factor(a, n, threads))
        {
            return false;
        }

        // The GEMMs below read whole blocks of the triangles, so what lies above the diagonal must be zero.
        for (int i = 0; i < n; i++)
        {
            a.Slice((i * n) + i + 1, n - i - 1).Clear();
        }

        T[] scratch = ArrayPool<T>.Shared.Rent(Math.Max(n * Block, 2 * Block * Block));
        try
        {
            InvertTriangle(a, n, scratch, threads);
            MultiplyTransposeByItself(a, n, scratch, threads);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }

        Syrk.MirrorLower(a, n, n);
        return true;
    }

    // L → W = L⁻¹ in place. With W₂₂ = L₂₂⁻¹ already in place: W₂₁ = −W₂₂·L₂₁·W₁₁ and W₁₁ = L₁₁⁻¹.
    private static void InvertTriangle<T>(Span<T> a, int n, T[] scratch, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j0 = (n - 1) / Block * Block; j0 >= 0; j0 -= Block)
        {
            int b = Math.Min(Block, n - j0);
            int j1 = j0 + b;
            int rest = n - j1;
            var diagonalInverse = scratch.AsSpan(0, b * b);
            Cholesky.InvertLower<T>(a[((j0 * n) + j0)..], b, n, diagonalInverse, b);
            if (rest > 0)
            {
                var product = scratch.AsSpan(b * b, rest * b);
                // W₂₂ is lower triangular: block row I of W₂₂·L₂₁ only needs the first (I + 1) block columns of W₂₂.
                for (int i0 = 0; i0 < rest; i0 += 2 * Block)
                {
                    int rows = Math.Min(2 * Block, rest - i0);
                    Gemm.Multiply(MatrixOp.None, MatrixOp.None, rows, b, i0 + rows, T.One, a[(((j1 + i0) * n) + j1)..], n,
                        a[((j1 * n) + j0)..], n, T.Zero, product[(i0 * b)..], b, threads);
                }

                Gemm.Multiply(MatrixOp.None, MatrixOp.None, rest, b, b, -T.One, product, b, diagonalInverse, b, T.Zero, a[((j1 * n) + j0)..], n, threads);
            }

            for (int i = 0; i < b; i++)
            {
                diagonalInverse.Slice(i * b, b).CopyTo(a.Slice(((j0 + i) * n) + j0, b));
            }
        }
    }

    // W → lower triangle of WᵀW in place: block row I of WᵀW is W[I.., I]ᵀ·W[I.., 0..I], and block rows above I are no
    // longer read once row I is reached, so each block row can be overwritten as soon as it is computed.
    private static void MultiplyTransposeByItself<T>(Span<T> a, int n, T[] scratch, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i0 = 0; i0 < n; i0 += Block)
        {
            int rows = Math.Min(Block, n - i0);
            int i1 = i0 + rows;
            var product = scratch.AsSpan(0, rows * i1);
            Gemm.Multiply(MatrixOp.Transpose, MatrixOp.None, rows, i1, n - i0, T.One, a[((i0 * n) + i0)..], n, a[(i0 * n)..], n, T.Zero, product, i1, threads);
            for (int i = 0; i < rows; i++)
            {
                product.Slice(i * i1, i0 + i + 1).CopyTo(a.Slice((i0 + i) * n, i0 + i + 1));
            }
        }
    }
}
