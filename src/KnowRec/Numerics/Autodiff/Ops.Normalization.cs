using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Layer normalisation of each row (Ba, Kiros, Hinton 2016, "Layer Normalization", eq. 4 applied per row):
    /// y = gain ⊙ (x − μ) / √(σ² + ε) + bias, with μ and σ² the mean and (biased) variance of the row.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="input">Tensor of rank 1 to 4, normalised over its last dimension d.</param>
    /// <param name="gain">Per-feature gain, length d (initialise to ones).</param>
    /// <param name="bias">Per-feature bias, length d (initialise to zeros).</param>
    /// <param name="epsilon">Added to the variance so that a constant row does not divide by zero; positive.</param>
    /// <returns>A tensor of the input's shape.</returns>
    public static Tensor LayerNorm(Tape tape, Tensor input, Tensor gain, Tensor bias, float epsilon = 1e-5f)
    {
        CheckNotNull(tape, input);
        ArgumentNullException.ThrowIfNull(gain);
        ArgumentNullException.ThrowIfNull(bias);
        int rows = input.Rows, columns = input.Columns;
        if (gain.Length != columns || bias.Length != columns)
        {
            throw new ArgumentException($"Gain {gain.ShapeText} and bias {bias.ShapeText} must each have {columns} elements, the last dimension of {input.ShapeText}.", nameof(gain));
        }

        if (!(epsilon > 0f) || float.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be positive and finite.");
        }

        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad || gain.RequiresGrad || bias.RequiresGrad);
        float[] x = input.Data, y = output.Data, gd = gain.Data, bd = bias.Data;

        // The normalised rows x̂ and 1/σ per row are kept for the backward step.
        var normalised = TensorArena.Allocate(TensorArena.Current, x.Length);
        var inverseDeviation = new float[rows];
        ForEachBatchItem(tape.Threads, rows, r =>
        {
            var xr = x.AsSpan(r * columns, columns);
            var nr = normalised.AsSpan(r * columns, columns);

            // Two passes (mean, then squared deviations) avoid the cancellation of E[x²] − μ².
            float mean = TensorPrimitives.Sum(xr) / columns;
            TensorPrimitives.Subtract(xr, mean, nr);
            float variance = TensorPrimitives.Dot(nr, nr) / columns;
            float inverse = 1f / MathF.Sqrt(variance + epsilon);
            inverseDeviation[r] = inverse;
            TensorPrimitives.Multiply(nr, inverse, nr);
            TensorPrimitives.FusedMultiplyAdd(nr, gd, bd, y.AsSpan(r * columns, columns));
        });

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                if (input.RequiresGrad)
                {
                    // With h = g ⊙ gain: dx = (1/σ)·(h − mean(h) − x̂·mean(h ⊙ x̂)), the row's mean and scale being
                    // functions of every element of the row.
                    var gi = input.EnsureGrad();
                    ForEachBatchItem(tape.Threads, rows, r =>
                    {
                        int o = r * columns;
                        Span<float> h = columns <= 1024 ? stackalloc float[columns] : new float[columns];
                        var nr = normalised.AsSpan(o, columns);
                        TensorPrimitives.Multiply(g.AsSpan(o, columns), gd, h);
                        float meanH = TensorPrimitives.Sum(h) / columns;
                        float meanHx = TensorPrimitives.Dot(h, nr) / columns;
                        float inverse = inverseDeviation[r];
                        for (int j = 0; j < columns; j++)
                        {
                            gi[o + j] += inverse * (h[j] - meanH - (nr[j] * meanHx));
                        }
                    });
                }

                // Gain and bias gradients sum over rows in row order, so they do not depend on the thread count.
                float[]? gg = gain.RequiresGrad ? gain.EnsureGrad() : null;
                float[]? gb = bias.RequiresGrad ? bias.EnsureGrad() : null;
                for (int r = 0; r < rows; r++)
                {
                    var gr = g.AsSpan(r * columns, columns);
                    if (gg is not null)
                    {
                        TensorPrimitives.FusedMultiplyAdd(gr, normalised.AsSpan(r * columns, columns), gg, gg);
                    }

                    if (gb is not null)
                    {
                        TensorPrimitives.Add(gr, gb, gb);
                    }
                }
            });
        }

        return output;
    }
}
