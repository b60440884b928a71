using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>The sum of all elements, as a one-element tensor.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor to reduce.</param>
    /// <returns>A scalar (shape [1]); 0 for an empty input.</returns>
    public static Tensor Sum(Tape tape, Tensor input) => Reduce(tape, input, 1.0);

    /// <summary>The mean of all elements, as a one-element tensor.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor to reduce; must not be empty.</param>
    /// <returns>A scalar (shape [1]).</returns>
    public static Tensor Mean(Tape tape, Tensor input)
    {
        CheckNotNull(tape, input);
        CheckNotEmpty(input, nameof(input));
        return Reduce(tape, input, 1.0 / input.Length);
    }

    // scale · Σ input: float SIMD sums over short fixed chunks, combined in double in a fixed order (see SumBlocks).
    private static Tensor Reduce(Tape tape, Tensor input, double scale)
    {
        CheckNotNull(tape, input);
        int threads = tape.Threads;
        var x = input.Data;
        double total = SumBlocks(threads, x.Length, (s, e) => TensorPrimitives.Sum(x.AsSpan(s..e)));
        var output = Tensor.FromArray([(float)(total * scale)], [1], input.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float step = (float)(g[0] * scale);
                var gi = input.EnsureGrad();
                ForElements(threads, gi.Length, (s, e) => TensorPrimitives.Add(gi.AsSpan(s..e), step, gi.AsSpan(s..e)));
            });
        }

        return output;
    }

    private static void CheckNotEmpty(Tensor input, string name)
    {
        if (input.Length == 0)
        {
            throw new ArgumentException($"Tensor of shape {input.ShapeText} is empty.", name);
        }
    }
}
