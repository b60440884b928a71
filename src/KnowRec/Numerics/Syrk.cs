using System.Buffers;
using System.Numerics;
using KnowRec.Data;

namespace KnowRec.Numerics;

/// <summary>Symmetric rank-k update C = α·op(A)·op(A)ᵀ + β·C (BLAS <c>xSYRK</c>), dense and for a sparse Gram matrix XᵀX.</summary>
/// <remarks>
/// The dense form runs <see cref="Gemm"/> on block rows of C, stopping at the diagonal, so it does about half the
/// multiply-adds of a full product. Thread-safe: calls share no state.
/// </remarks>
public static class Syrk
{
    // Rows of C per GEMM call: large enough for the GEMM to run at speed, small enough that the wasted upper part of
    // each diagonal block stays a small share.
    private const int BlockRows = 192;

    /// <summary>
    /// C = α·op(A)·op(A)ᵀ + β·C for an n × n symmetric C: with <see cref="MatrixOp.None"/> A is n × k (C = α·A·Aᵀ + β·C),
    /// with <see cref="MatrixOp.Transpose"/> A is k × n (C = α·Aᵀ·A + β·C). All row-major.
    /// </summary>
    /// <param name="op">How A is read.</param>
    /// <param name="n">Order of C.</param>
    /// <param name="k">Inner dimension.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Elements of A.</param>
    /// <param name="lda">Distance between rows of A as stored.</param>
    /// <param name="beta">Scale of C before adding; zero overwrites it.</param>
    /// <param name="c">Elements of C.</param>
    /// <param name="ldc">Distance between rows of C.</param>
    /// <param name="fill">Whether only the lower triangle is written or the whole matrix.</param>
    /// <param name="threads">Most threads to use; 0 or less means all cores.</param>
    public static void Multiply<T>(
        MatrixOp op, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, T beta, Span<T> c, int ldc,
        SymmetricFill fill = SymmetricFill.Lower, int threads = 0)
        where T : unmanaged, INumber<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(ldc, Math.Max(1, n));
        if (n == 0)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(c.Length, ((n - 1) * ldc) + n);
        int block = Math.Min(BlockRows, n);
        T[] rented = ArrayPool<T>.Shared.Rent(block * block);
        try
        {
            var diagonal = rented.AsSpan(0, block * block);
            for (int i0 = 0; i0 < n; i0 += BlockRows)
            {
                int rows = Math.Min(BlockRows, n - i0);
                // Rows i0..i0+rows of op(A), and rows 0..i0+rows of op(A) transposed as the right operand.
                var left = op == MatrixOp.None ? a[(i0 * lda)..] : a[i0..];
                var opLeft = op == MatrixOp.None ? MatrixOp.None : MatrixOp.Transpose;
                var opRight = op == MatrixOp.None ? MatrixOp.Transpose : MatrixOp.None;
                if (i0 > 0)
                {
                    Gemm.Multiply(opLeft, opRight, rows, i0, k, alpha, left, lda, a, lda, beta, c[(i0 * ldc)..], ldc, threads);
                }

                // The diagonal block goes through scratch so nothing above the diagonal is touched.
                var right = op == MatrixOp.None ? a[(i0 * lda)..] : a[i0..];
                Gemm.Multiply(opLeft, opRight, rows, rows, k, alpha, left, lda, right, lda, T.Zero, diagonal, rows, threads);
                for (int i = 0; i < rows; i++)
                {
                    var target = c.Slice(((i0 + i) * ldc) + i0, i + 1);
                    var source = diagonal.Slice(i * rows, i + 1);
                    for (int j = 0; j <= i; j++)
                    {
                        target[j] = (beta == T.Zero ? T.Zero : beta * target[j]) + source[j];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }

        if (fill == SymmetricFill.Full)
        {
            MirrorLower(c, n, ldc);
        }
    }

    /// <summary>
    /// Writes the full n × n Gram matrix XᵀX of a sparse users × items matrix into <paramref name="c"/> (n = items, row-major).
    /// </summary>
    /// <param name="x">The sparse matrix.</param>
    /// <param name="c">Destination, at least items² long; overwritten.</param>
    /// <param name="binary">When true every stored entry counts as 1 (co-occurrence counts), else the stored values are used.</param>
    /// <param name="threads">Most threads to use; 0 or less means all cores.</param>
    /// <remarks>
    /// Row a of XᵀX is Σ_u x_ua·x_u, so each item's row is built from its users' rows with no write shared between
    /// threads. Only entries b ≤ a are accumulated, then mirrored: about Σ_u |x_u|²/2 multiply-adds.
    /// </remarks>
    public static void Gram<T>(InteractionMatrix x, Span<T> c, bool binary = false, int threads = 0)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Items;
        ArgumentOutOfRangeException.ThrowIfLessThan(c.Length, n * n);
        c[..(n * n)].Clear();
        var byItem = x.Transpose();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        unsafe
        {
            fixed (T* pc = c)
            {
                T* gram = pc;
                Parallel.For(0, n, options, item => AccumulateRow(x, byItem, item, new Span<T>(gram + ((long)item * n), item + 1), binary));
            }
        }

        MirrorLower(c, n, n);
    }

    private static void AccumulateRow<T>(InteractionMatrix x, InteractionMatrix byItem, int item, Span<T> row, bool binary)
        where T : unmanaged, INumber<T>
    {
        var users = byItem.ItemsOf(item);
        var weights = byItem.ValuesOf(item);
        for (int k = 0; k < users.Length; k++)
        {
            T weight = binary ? T.One : T.CreateChecked(weights[k]);
            var columns = x.ItemsOf(users[k]);
            var values = x.ValuesOf(users[k]);
            // Columns are sorted, so the entries at or below the diagonal are a prefix.
            for (int j = 0; j < columns.Length && columns[j] <= item; j++)
            {
                row[columns[j]] += binary ? T.One : weight * T.CreateChecked(values[j]);
            }
        }
    }

    /// <summary>Copies the strict lower triangle of an n × n row-major matrix above the diagonal.</summary>
    internal static void MirrorLower<T>(Span<T> c, int n, int ldc)
    {
        // Tiles keep both the read rows and the written rows in cache.
        const int Tile = 64;
        for (int i0 = 0; i0 < n; i0 += Tile)
        {
            for (int j0 = 0; j0 <= i0; j0 += Tile)
            {
                for (int i = i0; i < Math.Min(n, i0 + Tile); i++)
                {
                    for (int j = j0; j < Math.Min(i, j0 + Tile); j++)
                    {
                        c[(j * ldc) + i] = c[(i * ldc) + j];
                    }
                }
            }
        }
    }
}
