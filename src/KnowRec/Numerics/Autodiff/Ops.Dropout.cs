namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Inverted dropout (Srivastava et al. 2014, with the scaling moved to training time): each element is kept with
    /// probability 1 − rate and scaled by 1 / (1 − rate), else set to 0, so the expected output equals the input and
    /// inference needs no rescaling.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="input">Tensor of rank 1 to 4.</param>
    /// <param name="rate">Probability of dropping an element, in [0, 1); it is rounded to a multiple of 2⁻¹⁶.</param>
    /// <param name="training">False returns <paramref name="input"/> itself: dropout is the identity at inference.</param>
    /// <param name="seed">
    /// Seed of the mask: elements are drawn in blocks of 4,096, block c from a <see cref="SplitMix64"/> stream seeded by
    /// mixing the seed with c, 16 bits per element, so blocks can be drawn on any thread with the same result; give
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
        ApplyDropout(tape.Threads, seed, threshold, input.Data, output.Data);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    ApplyDropout(tape.Threads, seed, threshold, g, input.EnsureGrad());
                }
            });
        }

        return output;
    }

    // target[i] += source[i] / (1 − p) where the i-th 16-bit draw is at least p·2¹⁶ (kept), else adds nothing.
    private static void ApplyDropout(int threads, ulong seed, int threshold, float[] source, float[] target)
    {
        const int Block = 4096;
        float keep = 65536f / (65536 - threshold);
        ForEachBatchItem(threads, (source.Length + Block - 1) / Block, block =>
        {
            // Mixing (rather than adding) the block number keeps blocks' streams from being shifted copies of each other.
            var random = new SplitMix64(new SplitMix64(seed ^ ((ulong)block * 0xD1B54A32D192ED03UL)).Next());
            int end = Math.Min(source.Length, (block + 1) * Block);
            ulong bits = 0;
            for (int i = block * Block; i < end; i++)
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
        });
    }
}
