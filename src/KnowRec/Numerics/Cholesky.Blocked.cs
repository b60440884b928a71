using System.Buffers;
using System.Numerics;

namespace KnowRec.Numerics;

public static partial class Cholesky
{
    // Width of the diagonal blocks: the unblocked work (b³/3 per block) stays small, the GEMM panels stay wide.
    private const int BlockSize = 128;

    // Right-looking blocked Cholesky: factor A₁₁, solve L₂₁ = A₂₁·L₁₁⁻ᵀ, update A₂₂ −= L₂₁·L₂₁ᵀ, continue on A₂₂.
    private static bool FactorBlocked<T>(Span<T> a, int n, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] inverse = ArrayPool<T>.Shared.Rent(BlockSize * BlockSize);
        T[] panel = ArrayPool<T>.Shared.Rent(n * BlockSize);
        try
        {
            for (int j0 = 0; j0 < n; j0 += BlockSize)
            {
                int b = Math.Min(BlockSize, n - j0);
                if (!FactorUnblocked(a[((j0 * n) + j0)..], b, n))
                {
                    return false;
                }

                int rest = n - j0 - b;
                if (rest == 0)
                {
                    break;
                }

                // Multiplying by the explicit inverse of the small diagonal block turns the triangular solve into a GEMM.
                InvertLower(a[((j0 * n) + j0)..], b, n, inverse, b);
                var below = a[(((j0 + b) * n) + j0)..];
                var l21 = panel.AsSpan(0, rest * b);
                Gemm.Multiply(MatrixOp.None, MatrixOp.Transpose, rest, b, b, T.One, below, n, inverse, b, T.Zero, l21, b, threads);
                for (int i = 0; i < rest; i++)
                {
                    l21.Slice(i * b, b).CopyTo(below.Slice(i * n, b));
                }

                Syrk.Multiply(MatrixOp.None, rest, b, -T.One, l21, b, T.One, a[(((j0 + b) * n) + j0 + b)..], n, SymmetricFill.Lower, threads);
            }

            return true;
        }
        finally
        {
            ArrayPool<T>.Shared.Return(inverse);
            ArrayPool<T>.Shared.Return(panel);
        }
    }

    /// <summary>Writes W = L⁻¹ of the b × b lower-triangular L (leading dimension ld) into w, with zeros above the diagonal.</summary>
    /// <remarks>Column by column forward substitution, L·w_j = e_j; b³/6 multiply-adds, for small diagonal blocks.</remarks>
    internal static void InvertLower<T>(ReadOnlySpan<T> l, int b, int ld, Span<T> w, int ldw)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < b; i++)
        {
            w.Slice(i * ldw, b).Clear();
        }

        for (int j = 0; j < b; j++)
        {
            w[(j * ldw) + j] = T.One / l[(j * ld) + j];
            for (int i = j + 1; i < b; i++)
            {
                T sum = T.Zero;
                for (int k = j; k < i; k++)
                {
                    sum += l[(i * ld) + k] * w[(k * ldw) + j];
                }

                w[(i * ldw) + j] = -sum / l[(i * ld) + i];
            }
        }
    }
}
