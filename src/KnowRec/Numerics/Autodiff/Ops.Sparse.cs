namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>The product A·X of a constant sparse m × n matrix and a dense n × d matrix, e.g. one step of graph propagation.</summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="a">The sparse matrix; it is a constant, so no gradient flows to it.</param>
    /// <param name="x">Dense operand, rank 2, n × d.</param>
    /// <returns>An m × d matrix.</returns>
    /// <remarks>
    /// The backward step adds Aᵀ·G to X's gradient, using the transpose <see cref="SparseMatrix"/> keeps (A itself when A
    /// is symmetric, as a normalised adjacency matrix is). Both products split rows into fixed pieces and compute each
    /// output row in one fixed order, so results are bit-identical for any thread count.
    /// </remarks>
    public static Tensor SparseMatMul(Tape tape, SparseMatrix a, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(a);
        CheckNotNull(tape, x);
        if (x.Rank != 2 || x.Rows != a.Columns)
        {
            throw new ArgumentException($"Cannot multiply a {a.Rows} × {a.Columns} sparse matrix by shape {x.ShapeText}.", nameof(x));
        }

        int width = x.Columns;
        var output = Tensor.Zeros([a.Rows, width], x.RequiresGrad);
        a.Multiply(x.Data, width, output.Data, accumulate: false, tape.Threads);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    a.Transposed.Multiply(g, width, x.EnsureGrad(), accumulate: true, tape.Threads);
                }
            });
        }

        return output;
    }
}
