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
    /// <param name="rate">Probability of dropping an element, in [0, 1); it is rounded to a multiple of 2⁻¹⁶.</param>
    /// <param name="training">False returns <paramref name="input"/> itself: dropout is the identity at inference.</param>
    /// <param name="seed">
    /// Seed of the <see cref="SplitMix64"/> stream that draws the mask, 16 bits per element in row-major order; give
    /// each call its own, e.g. <see cref="SplitMix64.Derive"/>(seed, call number), so masks differ between calls but
    /// repeat between runs.
    /// </param>
    /// <returns>The input itself when not training or the rate is 0, else a new tensor of its shape.</returns>
    /// <remarks>The mask is not stored: the backward step draws it again from the seed.</remarks>
    public static Tensor Dropout(Tape tape, Tensor input, float rate, bool training, ulong seed)
    {
        CheckNotNull(tape, input);
        if (!(rate >= 0f && rate < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The dropout rate must lie in [0, 1).");
        }

        int threshold = Math.Min(65535, (int)MathF.Round(rate * 65536f));
        if (!training || threshold == 0)
        {
            return input;
        }

        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        ApplyDropout(seed, threshold, input.Data, output.Data);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    ApplyDropout(seed, threshold, g, input.EnsureGrad());
                }
            });
        }

        return output;
    }

    // target[i] += source[i] / (1 − p) where the i-th 16-bit draw is at least p·2¹⁶ (kept), else adds nothing.
    private static void ApplyDropout(ulong seed, int threshold, float[] source, float[] target)
    {
        float keep = 65536f / (65536 - threshold);
        var random = new SplitMix64(seed);
        ulong bits = 0;
        for (int i = 0; i < source.Length; i++)
        {
            if ((i & 3) == 0)
            {
                bits = random.Next();
            }

            if ((int)(bits & 0xFFFF) >= threshold)
            {
                target[i] += source[i] * keep;
            }

            bits >>= 16;
        }
    }
}
