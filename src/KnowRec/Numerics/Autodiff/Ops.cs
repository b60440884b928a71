namespace KnowRec.Numerics.Autodiff;

/// <summary>Differentiable operations on <see cref="Tensor"/>s; each records its backward step on the given <see cref="Tape"/>.</summary>
/// <remarks>
/// An operation's output requires a gradient when any input does, and only then is a backward step recorded, so
/// inference through the same code costs no tape memory. Backward steps add into the inputs' gradients, which is what
/// makes a tensor used twice (or an embedding row looked up twice) receive the sum of both contributions.
/// Inputs are read again during the backward pass: do not modify their <see cref="Tensor.Data"/> before it.
/// </remarks>
public static partial class Ops
{
    /// <summary>Element-wise a + b; a row vector (length n, or 1 × n) is broadcast over every row of a tensor whose last dimension is n.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <returns>A tensor of the larger operand's shape.</returns>
    public static Tensor Add(Tape tape, Tensor a, Tensor b)
    {
        var (x, y, yStride) = Broadcast(tape, a, b);
        var output = Tensor.Zeros(x.Shape.ToArray(), a.RequiresGrad || b.RequiresGrad);
        int rows = x.Rows, columns = x.Columns;
        var xd = x.Data;
        var yd = y.Data;
        var od = output.Data;
        for (int r = 0; r < rows; r++)
        {
            int xo = r * columns, yo = r * yStride;
            for (int j = 0; j < columns; j++)
            {
                od[xo + j] = xd[xo + j] + yd[yo + j];
            }
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float[]? gx = x.RequiresGrad ? x.EnsureGrad() : null;
                float[]? gy = y.RequiresGrad ? y.EnsureGrad() : null;
                for (int r = 0; r < rows; r++)
                {
                    int xo = r * columns, yo = r * yStride;
                    for (int j = 0; j < columns; j++)
                    {
                        if (gx is not null)
                        {
                            gx[xo + j] += g[xo + j];
                        }

                        // A broadcast row (stride 0) sums the gradient over the rows it was added to.
                        if (gy is not null)
                        {
                            gy[yo + j] += g[xo + j];
                        }
                    }
                }
            });
        }

        return output;
    }

    /// <summary>Element-wise a · b; a row vector (length n, or 1 × n) is broadcast over every row of a tensor whose last dimension is n.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <returns>A tensor of the larger operand's shape.</returns>
    public static Tensor Mul(Tape tape, Tensor a, Tensor b)
    {
        var (x, y, yStride) = Broadcast(tape, a, b);
        var output = Tensor.Zeros(x.Shape.ToArray(), a.RequiresGrad || b.RequiresGrad);
        int rows = x.Rows, columns = x.Columns;
        var xd = x.Data;
        var yd = y.Data;
        var od = output.Data;
        for (int r = 0; r < rows; r++)
        {
            int xo = r * columns, yo = r * yStride;
            for (int j = 0; j < columns; j++)
            {
                od[xo + j] = xd[xo + j] * yd[yo + j];
            }
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float[]? gx = x.RequiresGrad ? x.EnsureGrad() : null;
                float[]? gy = y.RequiresGrad ? y.EnsureGrad() : null;
                for (int r = 0; r < rows; r++)
                {
                    int xo = r * columns, yo = r * yStride;
                    for (int j = 0; j < columns; j++)
                    {
                        if (gx is not null)
                        {
                            gx[xo + j] += g[xo + j] * yd[yo + j];
                        }

                        if (gy is not null)
                        {
                            gy[yo + j] += g[xo + j] * xd[xo + j];
                        }
                    }
                }
            });
        }

        return output;
    }

    // Orders a commutative pair as (full, other, stride of other's rows): stride 0 means other is a broadcast row.
    private static (Tensor Full, Tensor Other, int OtherStride) Broadcast(Tape tape, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.SameShape(b))
        {
            return (a, b, a.Columns);
        }

        if (IsRowOf(b, a))
        {
            return (a, b, 0);
        }

        if (IsRowOf(a, b))
        {
            return (b, a, 0);
        }

        throw new ArgumentException($"Shapes {a.ShapeText} and {b.ShapeText} neither match nor broadcast a row over a matrix.", nameof(b));
    }

    private static bool IsRowOf(Tensor row, Tensor matrix) => matrix.Rank >= 2 && row.Rows == 1 && row.Columns == matrix.Columns;

    private static void CheckNotNull(Tape tape, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(input);
    }
}
