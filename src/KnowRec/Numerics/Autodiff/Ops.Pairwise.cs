namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// The Bayesian personalised ranking loss (Rendle et al. 2009, eq. 6 without its prior term): the mean over pairs of
    /// −ln σ(x⁺ − x⁻), for the scores x⁺ of observed items and x⁻ of sampled negatives.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="positiveScores">Scores of the observed items.</param>
    /// <param name="negativeScores">Scores of the negatives, same shape, paired element by element.</param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <remarks>
    /// −ln σ(x⁺ − x⁻) is computed as softplus(z) = max(z, 0) + ln(1 + e^−|z|) with z = x⁻ − x⁺, which neither overflows
    /// nor takes ln 0 for large |z|. Its derivative is σ(z) with respect to x⁻ and −σ(z) with respect to x⁺.
    /// </remarks>
    public static Tensor BprLoss(Tape tape, Tensor positiveScores, Tensor negativeScores)
    {
        CheckPair(tape, positiveScores, negativeScores);
        var p = positiveScores.Data;
        var n = negativeScores.Data;
        double total = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double z = (double)n[i] - p[i];
            total += Math.Max(z, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));
        }

        int count = p.Length;
        var output = Tensor.FromArray([(float)(total / count)], [1], positiveScores.RequiresGrad || negativeScores.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float scale = g[0] / count;
                float[]? gp = positiveScores.RequiresGrad ? positiveScores.EnsureGrad() : null;
                float[]? gn = negativeScores.RequiresGrad ? negativeScores.EnsureGrad() : null;
                for (int i = 0; i < count; i++)
                {
                    float step = scale * Logistic(n[i] - p[i]);
                    if (gp is not null)
                    {
                        gp[i] -= step;
                    }

                    if (gn is not null)
                    {
                        gn[i] += step;
                    }
                }
            });
        }

        return output;
    }

    /// <summary>The scaled squared Euclidean norm <paramref name="scale"/> · Σ x², e.g. an L2 penalty on the embedding rows of a batch.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor of any shape.</param>
    /// <param name="scale">Factor applied to the sum, finite.</param>
    /// <returns>A scalar (shape [1]); 0 for an empty input.</returns>
    public static Tensor SquaredNorm(Tape tape, Tensor input, float scale = 1f)
    {
        CheckNotNull(tape, input);
        if (!float.IsFinite(scale))
        {
            throw new ArgumentException($"The scale must be finite, got {scale}.", nameof(scale));
        }

        var x = input.Data;
        double total = 0;
        foreach (float value in x)
        {
            total += (double)value * value;
        }

        var output = Tensor.FromArray([(float)(scale * total)], [1], input.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // d(s·Σx²)/dx = 2·s·x.
                float step = 2f * scale * g[0];
                var gi = input.EnsureGrad();
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(x, step, gi, gi);
            });
        }

        return output;
    }

    // The logistic function split by sign so that exp never sees a large positive argument.
    private static float Logistic(float x)
    {
        if (x >= 0f)
        {
            return 1f / (1f + MathF.Exp(-x));
        }

        float e = MathF.Exp(x);
        return e / (1f + e);
    }
}
