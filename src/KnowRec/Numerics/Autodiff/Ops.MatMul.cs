namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>The matrix product a · b of an m × k and a k × n matrix, computed with <see cref="Gemm"/>.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="a">Left operand, rank 2, m × k.</param>
    /// <param name="b">Right operand, rank 2, k × n.</param>
    /// <param name="threads">Most threads for each product; 0 or less means the tape's <see cref="Tape.Threads"/>. Gemm splits output tiles, so every thread count gives the same bits.</param>
    /// <returns>An m × n matrix.</returns>
    public static Tensor MatMul(Tape tape, Tensor a, Tensor b, int threads = 0)
    {
        CheckNotNull(tape, a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2 || a.Columns != b.Rows)
        {
            throw new ArgumentException($"Cannot multiply shapes {a.ShapeText} and {b.ShapeText}.", nameof(b));
        }

        int m = a.Rows, k = a.Columns, n = b.Columns;
        threads = threads > 0 ? threads : tape.Threads;
        var output = Tensor.Zeros([m, n], a.RequiresGrad || b.RequiresGrad);

        // Gemm insists on leading dimensions of at least 1 even for empty operands.
        int lk = Math.Max(1, k), ln = Math.Max(1, n);
        Gemm.Multiply(MatrixOp.None, MatrixOp.None, m, n, k, 1f, a.Data, lk, b.Data, ln, 0f, output.Data, ln, threads);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // dA = dC · Bᵀ (m × k) and dB = Aᵀ · dC (k × n); β = 1 adds to gradients already there.
                if (a.RequiresGrad)
                {
                    Gemm.Multiply(MatrixOp.None, MatrixOp.Transpose, m, k, n, 1f, g, ln, b.Data, ln, 1f, a.EnsureGrad(), lk, threads);
                }

                if (b.RequiresGrad)
                {
                    Gemm.Multiply(MatrixOp.Transpose, MatrixOp.None, k, n, m, 1f, a.Data, lk, g, ln, 1f, b.EnsureGrad(), ln, threads);
                }
            });
        }

        return output;
    }
}
