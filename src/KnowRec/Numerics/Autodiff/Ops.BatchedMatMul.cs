namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Batched matrix product: for every batch item, C = scale · op(A) · op(B), where op transposes the last two
    /// dimensions when asked. A is [..., m, k] ([..., k, m] transposed) and B is [..., k, n] ([..., n, k] transposed).
    /// </summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="a">Left operand, rank 3 or 4.</param>
    /// <param name="b">Right operand, same rank and same leading (batch) dimensions as <paramref name="a"/>.</param>
    /// <param name="transposeA">Whether to use each item of A transposed.</param>
    /// <param name="transposeB">Whether to use each item of B transposed (e.g. Q·Kᵀ for attention scores).</param>
    /// <param name="scale">Factor applied to every product, e.g. 1/√d_k for scaled dot-product attention.</param>
    /// <returns>A tensor of shape [..., m, n].</returns>
    /// <remarks>
    /// Each batch item is one <see cref="Gemm"/> call on one thread; items are shared out over the tape's threads. Items
    /// are independent, so results are identical for any thread count.
    /// </remarks>
    public static Tensor BatchedMatMul(Tape tape, Tensor a, Tensor b, bool transposeA = false, bool transposeB = false, float scale = 1f)
    {
        CheckNotNull(tape, a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank is not (3 or 4) || b.Rank != a.Rank || !a.Shape[..^2].SequenceEqual(b.Shape[..^2]))
        {
            throw new ArgumentException($"Batched product needs two rank-3 or rank-4 tensors with equal batch dimensions, not {a.ShapeText} and {b.ShapeText}.", nameof(b));
        }

        if (!float.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be finite.");
        }

        int aRows = a.Shape[^2], aColumns = a.Shape[^1], bRows = b.Shape[^2], bColumns = b.Shape[^1];
        int m = transposeA ? aColumns : aRows, k = transposeA ? aRows : aColumns;
        int n = transposeB ? bRows : bColumns, kb = transposeB ? bColumns : bRows;
        if (k != kb)
        {
            throw new ArgumentException($"Inner dimensions differ: op(A) of {a.ShapeText} has {k} columns, op(B) of {b.ShapeText} has {kb} rows.", nameof(b));
        }

        int[] shape = a.Shape.ToArray();
        shape[^2] = m;
        shape[^1] = n;
        var output = Tensor.Zeros(shape, a.RequiresGrad || b.RequiresGrad);
        int batch = 1;
        foreach (int dimension in a.Shape[..^2])
        {
            batch *= dimension;
        }

        int aSize = aRows * aColumns, bSize = bRows * bColumns, cSize = m * n;
        var opA = transposeA ? MatrixOp.Transpose : MatrixOp.None;
        var opB = transposeB ? MatrixOp.Transpose : MatrixOp.None;

        // Gemm insists on leading dimensions of at least 1 even for empty operands.
        int lda = Math.Max(1, aColumns), ldb = Math.Max(1, bColumns), ldc = Math.Max(1, n);
        float[] ad = a.Data, bd = b.Data, cd = output.Data;
        ForEachBatchItem(tape.Threads, batch, i => Gemm.Multiply(
            opA, opB, m, n, k, scale, ad.AsSpan(i * aSize, aSize), lda, bd.AsSpan(i * bSize, bSize), ldb, 0f, cd.AsSpan(i * cSize, cSize), ldc, 1));

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float[]? ga = a.RequiresGrad ? a.EnsureGrad() : null;
                float[]? gb = b.RequiresGrad ? b.EnsureGrad() : null;
                ForEachBatchItem(tape.Threads, batch, i =>
                {
                    var gi = g.AsSpan(i * cSize, cSize);
                    var ai = ad.AsSpan(i * aSize, aSize);
                    var bi = bd.AsSpan(i * bSize, bSize);

                    // C = s·op(A)·op(B) gives d op(A) = s·G·op(B)ᵀ and d op(B) = s·op(A)ᵀ·G; a transposed operand
                    // receives the transpose of that, written as a product in the other order. β = 1 accumulates.
                    if (ga is not null)
                    {
                        var target = ga.AsSpan(i * aSize, aSize);
                        if (transposeA)
                        {
                            Gemm.Multiply(opB, MatrixOp.Transpose, k, m, n, scale, bi, ldb, gi, ldc, 1f, target, lda, 1);
                        }
                        else
                        {
                            Gemm.Multiply(MatrixOp.None, Flip(opB), m, k, n, scale, gi, ldc, bi, ldb, 1f, target, lda, 1);
                        }
                    }

                    if (gb is not null)
                    {
                        var target = gb.AsSpan(i * bSize, bSize);
                        if (transposeB)
                        {
                            Gemm.Multiply(MatrixOp.Transpose, opA, n, k, m, scale, gi, ldc, ai, lda, 1f, target, ldb, 1);
                        }
                        else
                        {
                            Gemm.Multiply(Flip(opA), MatrixOp.None, k, n, m, scale, ai, lda, gi, ldc, 1f, target, ldb, 1);
                        }
                    }
                });
            });
        }

        return output;
    }

    private static MatrixOp Flip(MatrixOp op) => op == MatrixOp.None ? MatrixOp.Transpose : MatrixOp.None;

    /// <summary>Runs <paramref name="body"/> for items 0..count−1, split into contiguous ranges over at most <paramref name="threads"/> threads.</summary>
    /// <remarks>Only for bodies whose items are independent: the result must not depend on which thread ran an item.</remarks>
    internal static void ForEachBatchItem(int threads, int count, Action<int> body)
    {
        int workers = Math.Min(threads, count);
        if (workers <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            int from = (int)((long)count * w / workers), to = (int)((long)count * (w + 1) / workers);
            for (int i = from; i < to; i++)
            {
                body(i);
            }
        });
    }
}
