namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Binary cross-entropy of the logistic of <paramref name="logits"/> against <paramref name="targets"/>, as the
    /// weighted mean Σ wᵢ·ℓᵢ / Σ wᵢ; weight 0 leaves an element out (e.g. the padded positions of a batch of sequences).
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="logits">Unnormalised scores x.</param>
    /// <param name="targets">Targets y in [0, 1], one per logit (constants).</param>
    /// <param name="weights">Non-negative weight per logit (constants), with a positive sum.</param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <remarks>Each term is max(x, 0) − x·y + log(1 + exp(−|x|)), stable for large |x| (see <see cref="BinaryCrossEntropyWithLogits(Tape, Tensor, Tensor)"/>).</remarks>
    public static Tensor BinaryCrossEntropyWithLogits(Tape tape, Tensor logits, float[] targets, float[] weights)
    {
        CheckNotNull(tape, logits);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(weights);
        if (targets.Length != logits.Length || weights.Length != logits.Length)
        {
            throw new ArgumentException($"Targets ({targets.Length}) and weights ({weights.Length}) must have one entry per logit ({logits.Length}).", nameof(weights));
        }

        double total = 0, weightTotal = 0;
        var x = logits.Data;
        for (int i = 0; i < x.Length; i++)
        {
            if (!(weights[i] >= 0f) || float.IsInfinity(weights[i]))
            {
                throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be finite and not negative.", nameof(weights));
            }

            if (weights[i] != 0f)
            {
                double xi = x[i];
                total += weights[i] * (Math.Max(xi, 0.0) - (xi * targets[i]) + Math.Log(1.0 + Math.Exp(-Math.Abs(xi))));
                weightTotal += weights[i];
            }
        }

        if (!(weightTotal > 0))
        {
            throw new ArgumentException("The weights sum to zero.", nameof(weights));
        }

        var output = Tensor.FromArray([(float)(total / weightTotal)], [1], logits.RequiresGrad);
        if (output.RequiresGrad)
        {
            float[] y = (float[])targets.Clone(), w = (float[])weights.Clone();
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // d/dxᵢ = wᵢ (σ(xᵢ) − yᵢ) / Σ w.
                float scale = (float)(g[0] / weightTotal);
                var gx = logits.EnsureGrad();
                for (int i = 0; i < gx.Length; i++)
                {
                    if (w[i] != 0f)
                    {
                        gx[i] += scale * w[i] * (Logistic(x[i]) - y[i]);
                    }
                }
            });
        }

        return output;
    }
}
