namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>The sum over the last dimension: output[r] = Σ_j input[r, j].</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor of rank 1 to 4.</param>
    /// <returns>The input's shape without its last dimension ([1] for a vector).</returns>
    public static Tensor RowSum(Tape tape, Tensor input)
    {
        CheckNotNull(tape, input);
        int rows = input.Rows, columns = input.Columns;
        int[] shape = input.Rank == 1 ? [1] : input.Shape[..^1].ToArray();
        var output = Tensor.Zeros(shape, input.RequiresGrad);
        var x = input.Data;
        var o = output.Data;
        for (int r = 0; r < rows; r++)
        {
            o[r] = System.Numerics.Tensors.TensorPrimitives.Sum(x.AsSpan(r * columns, columns));
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                var gi = input.EnsureGrad();
                for (int r = 0; r < rows; r++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(gi.AsSpan(r * columns, columns), g[r], gi.AsSpan(r * columns, columns));
                }
            });
        }

        return output;
    }

    /// <summary>Row-wise dot products: output[r] = Σ_j a[r, j] · b[r, j], e.g. the scores of a batch of (user, item) pairs.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand, same shape as <paramref name="a"/> (or a row broadcast over it).</param>
    /// <returns>The operands' shape without the last dimension.</returns>
    public static Tensor RowDot(Tape tape, Tensor a, Tensor b) => RowSum(tape, Mul(tape, a, b));
}
