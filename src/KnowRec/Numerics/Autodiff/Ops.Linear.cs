using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>An affine map of each row, y = x·W + b, as one <see cref="Gemm"/> over all rows (a dense layer, or a position-wise one over sequences).</summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads of each product.</param>
    /// <param name="input">Tensor of rank 1 to 4 whose last dimension is the input width.</param>
    /// <param name="weight">[in, out] matrix W.</param>
    /// <param name="bias">Optional bias b of length out.</param>
    /// <returns>The input's shape with the last dimension replaced by out.</returns>
    /// <remarks>The bias is written into the output first and the product added on top (β = 1), which saves a pass.</remarks>
    public static Tensor Linear(Tape tape, Tensor input, Tensor weight, Tensor? bias = null)
    {
        CheckNotNull(tape, input);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 2 || weight.Rows != input.Columns)
        {
            throw new ArgumentException($"Weight {weight.ShapeText} does not map rows of width {input.Columns} (shape {input.ShapeText}); it must be [{input.Columns}, out].", nameof(weight));
        }

        int rows = input.Rows, inputs = input.Columns, outputs = weight.Columns;
        if (bias is not null && bias.Length != outputs)
        {
            throw new ArgumentException($"Bias {bias.ShapeText} must have {outputs} elements.", nameof(bias));
        }

        int[] shape = input.Shape.ToArray();
        shape[^1] = outputs;
        var output = Tensor.Zeros(shape, input.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false));
        var od = output.Data;
        if (bias is not null)
        {
            for (int r = 0; r < rows; r++)
            {
                bias.Data.CopyTo(od.AsSpan(r * outputs, outputs));
            }
        }

        // Gemm insists on leading dimensions of at least 1 even for empty operands.
        int li = Math.Max(1, inputs), lo = Math.Max(1, outputs);
        Gemm.Multiply(MatrixOp.None, MatrixOp.None, rows, outputs, inputs, 1f, input.Data, li, weight.Data, lo, bias is null ? 0f : 1f, od, lo, tape.Threads);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // dX = G·Wᵀ, dW = Xᵀ·G, db = Σ over rows of G; β = 1 adds to gradients already there.
                if (input.RequiresGrad)
                {
                    Gemm.Multiply(MatrixOp.None, MatrixOp.Transpose, rows, inputs, outputs, 1f, g, lo, weight.Data, lo, 1f, input.EnsureGrad(), li, tape.Threads);
                }

                if (weight.RequiresGrad)
                {
                    Gemm.Multiply(MatrixOp.Transpose, MatrixOp.None, inputs, outputs, rows, 1f, input.Data, li, g, lo, 1f, weight.EnsureGrad(), lo, tape.Threads);
                }

                if (bias is { RequiresGrad: true })
                {
                    var gb = bias.EnsureGrad();
                    for (int r = 0; r < rows; r++)
                    {
                        TensorPrimitives.Add(gb, g.AsSpan(r * outputs, outputs), gb);
                    }
                }
            });
        }

        return output;
    }
}
