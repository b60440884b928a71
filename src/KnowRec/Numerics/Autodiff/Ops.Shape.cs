namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>The same elements read in another shape; the output shares the input's <see cref="Tensor.Data"/> (a view, no copy).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">The tensor to view.</param>
    /// <param name="shape">One to four dimensions whose product equals the input's length.</param>
    /// <returns>A view of <paramref name="input"/>.</returns>
    /// <remarks>Because the data is shared, writing to the view's data writes to the input's; gradients are kept apart and added back in the backward step.</remarks>
    public static Tensor Reshape(Tape tape, Tensor input, int[] shape)
    {
        CheckNotNull(tape, input);
        ArgumentNullException.ThrowIfNull(shape);
        var output = Tensor.View(input, shape, input.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    AddInto(input.EnsureGrad(), g);
                }
            });
        }

        return output;
    }

    // target += source, element-wise with SIMD.
    internal static void AddInto(Span<float> target, ReadOnlySpan<float> source) =>
        System.Numerics.Tensors.TensorPrimitives.Add(target, source, target);
}
