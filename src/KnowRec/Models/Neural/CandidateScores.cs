using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Neural;

/// <summary>A differentiable a·bᵀ: the score of every query row against every candidate row, for softmax training.</summary>
/// <remarks>
/// <see cref="Ops.MatMul"/> multiplies as stored; a two-tower batch needs U·Cᵀ with both towers' outputs row-major, so
/// this op passes the transpose to <see cref="Gemm"/> instead of copying. Gemm splits work over tiles of the output with a
/// fixed order of sums, so results do not depend on the thread count.
/// </remarks>
internal static class CandidateScores
{
    /// <summary>S = A·Bᵀ for A [m, k] and B [n, k], as [m, n].</summary>
    public static Tensor Compute(Tape tape, Tensor queries, Tensor candidates)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        if (queries.Rank != 2 || candidates.Rank != 2 || queries.Columns != candidates.Columns)
        {
            throw new ArgumentException($"Cannot score rows of {queries.ShapeText} against rows of {candidates.ShapeText}.", nameof(candidates));
        }

        int m = queries.Rows, n = candidates.Rows, k = queries.Columns;
        int lk = Math.Max(1, k), ln = Math.Max(1, n);
        var output = Tensor.Zeros([m, n], queries.RequiresGrad || candidates.RequiresGrad);
        Gemm.Multiply(MatrixOp.None, MatrixOp.Transpose, m, n, k, 1f, queries.Data, lk, candidates.Data, lk, 0f, output.Data, ln, tape.Threads);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // dA = dS·B (m × k) and dB = dSᵀ·A (n × k); β = 1 adds to gradients already there.
                if (queries.RequiresGrad)
                {
                    Gemm.Multiply(MatrixOp.None, MatrixOp.None, m, k, n, 1f, g, ln, candidates.Data, lk, 1f, queries.EnsureGrad(), lk, tape.Threads);
                }

                if (candidates.RequiresGrad)
                {
                    Gemm.Multiply(MatrixOp.Transpose, MatrixOp.None, n, k, m, 1f, g, ln, queries.Data, lk, 1f, candidates.EnsureGrad(), lk, tape.Threads);
                }
            });
        }

        return output;
    }
}
