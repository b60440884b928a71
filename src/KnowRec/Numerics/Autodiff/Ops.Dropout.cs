namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Inverted dropout (Srivastava et al. 2014, with the scaling moved to training time): each element is kept with
    /// probability 1 − rate and scaled by 1 / (1 − rate), else set to 0, so the expected output equals the input and
    /// inference needs no rescaling.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor of rank 1 to 4.</param>
    /// <param name="rate">Probability of dropping an element, in [0, 1).</param>
    /// <param name="training">False returns <paramref name="input"/> itself: dropout is the identity at inference.</param>
    /// <param name="seed">
    /// Seed of the <see cref="SplitMix64"/> stream that draws the mask, one draw per element in row-major order; give
    /// each call its own, e.g. <see cref="SplitMix64.Derive"/>(seed, call number), so masks differ between calls but
    /// repeat between runs.
    /// </param>
    /// <returns>The input itself when not training or the rate is 0, else a new tensor of its shape.</returns>
    public static Tensor Dropout(Tape tape, Tensor input, float rate, bool training, ulong seed)
    {
        CheckNotNull(tape, input);
        if (!(rate >= 0f && rate < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The dropout rate must lie in [0, 1).");
        }

        if (!training || rate == 0f)
        {
            return input;
        }

        // The mask holds each element's factor, 0 or 1/(1 − rate), for the forward and the backward step alike.
        float keep = 1f / (1f - rate);
        var mask = new float[input.Length];
        var random = new SplitMix64(seed);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextSingle() < rate ? 0f : keep;
        }

        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        System.Numerics.Tensors.TensorPrimitives.Multiply(input.Data, mask, output.Data);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    var gi = input.EnsureGrad();
                    System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(g, mask, gi, gi);
                }
            });
        }

        return output;
    }
}
