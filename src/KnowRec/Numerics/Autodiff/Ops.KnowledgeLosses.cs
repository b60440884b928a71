namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// The margin ranking loss of TransE (Bordes et al. 2013, eq. 1), averaged: the mean over pairs of
    /// [γ + d⁺_b − d⁻_{b,i}]₊ for the distance d⁺ of each true triple and the distances d⁻ of its n corrupted ones.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="positive">Distances of the B true triples, [B] (lower is more plausible).</param>
    /// <param name="negative">Distances of their corruptions, B·n elements, the n of triple b at [b·n, (b+1)·n).</param>
    /// <param name="margin">The margin γ, finite.</param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <remarks>The hinge is not differentiable where γ + d⁺ = d⁻; the gradient used there is 0.</remarks>
    public static Tensor MarginRankingLoss(Tape tape, Tensor positive, Tensor negative, float margin)
    {
        int n = CheckRankingPair(tape, positive, negative, margin);
        float[] p = positive.Data, q = negative.Data;
        int pairs = q.Length;
        double total = 0;
        for (int j = 0; j < pairs; j++)
        {
            total += Math.Max(0f, margin + p[j / n] - q[j]);
        }

        var output = Tensor.FromArray([(float)(total / pairs)], [1], positive.RequiresGrad || negative.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float step = g[0] / pairs;
                float[]? gp = positive.RequiresGrad ? positive.EnsureGrad() : null;
                float[]? gq = negative.RequiresGrad ? negative.EnsureGrad() : null;
                for (int j = 0; j < pairs; j++)
                {
                    if (margin + p[j / n] - q[j] > 0f)
                    {
                        if (gp is not null)
                        {
                            gp[j / n] += step;
                        }

                        if (gq is not null)
                        {
                            gq[j] -= step;
                        }
                    }
                }
            });
        }

        return output;
    }

    /// <summary>
    /// The negative-sampling loss of RotatE (Sun et al. 2019, eq. 5 with the self-adversarial weights of eq. 4), averaged
    /// over the B true triples: −ln σ(γ − d⁺_b) − Σ_i p_{b,i} ln σ(d⁻_{b,i} − γ).
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="positive">Distances of the B true triples, [B].</param>
    /// <param name="negative">Distances of their corruptions, B·n elements, the n of triple b at [b·n, (b+1)·n).</param>
    /// <param name="margin">The fixed margin γ, finite.</param>
    /// <param name="temperature">
    /// The sampling temperature α of eq. 4: p_{b,i} = softmax_i(α (γ − d⁻_{b,i})), treated as constants (no gradient flows
    /// through them, as in the paper). 0 gives uniform weights 1/n, the plain negative-sampling loss of eq. 3.
    /// </param>
    /// <returns>A scalar (shape [1]).</returns>
    public static Tensor SelfAdversarialLogisticLoss(Tape tape, Tensor positive, Tensor negative, float margin, float temperature = 0f)
    {
        int n = CheckRankingPair(tape, positive, negative, margin);
        if (!(temperature >= 0f) || !float.IsFinite(temperature))
        {
            throw new ArgumentException($"The temperature must be non-negative and finite, got {temperature}.", nameof(temperature));
        }

        float[] p = positive.Data, q = negative.Data;
        int rows = p.Length;
        var weights = new float[q.Length];
        double total = 0;
        for (int b = 0; b < rows; b++)
        {
            var w = weights.AsSpan(b * n, n);
            var d = q.AsSpan(b * n, n);
            for (int i = 0; i < n; i++)
            {
                w[i] = temperature * (margin - d[i]);
            }

            System.Numerics.Tensors.TensorPrimitives.SoftMax(w, w);
            total += Softplus(p[b] - margin);
            for (int i = 0; i < n; i++)
            {
                // −ln σ(x) = softplus(−x).
                total += w[i] * Softplus(margin - d[i]);
            }
        }

        var output = Tensor.FromArray([(float)(total / rows)], [1], positive.RequiresGrad || negative.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float scale = g[0] / rows;
                float[]? gp = positive.RequiresGrad ? positive.EnsureGrad() : null;
                float[]? gq = negative.RequiresGrad ? negative.EnsureGrad() : null;
                for (int b = 0; b < rows; b++)
                {
                    // d softplus(d⁺ − γ)/d d⁺ = σ(d⁺ − γ); d [w softplus(γ − d⁻)]/d d⁻ = −w σ(γ − d⁻).
                    if (gp is not null)
                    {
                        gp[b] += scale * Logistic(p[b] - margin);
                    }

                    if (gq is not null)
                    {
                        for (int j = b * n; j < (b + 1) * n; j++)
                        {
                            gq[j] -= scale * weights[j] * Logistic(margin - q[j]);
                        }
                    }
                }
            });
        }

        return output;
    }

    private static double Softplus(double z) => Math.Max(z, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));

    // Checks the pair and returns n, the corruptions per true triple.
    private static int CheckRankingPair(Tape tape, Tensor positive, Tensor negative, float margin)
    {
        CheckNotNull(tape, positive);
        ArgumentNullException.ThrowIfNull(negative);
        CheckNotEmpty(positive, nameof(positive));
        if (negative.Length == 0 || negative.Length % positive.Length != 0)
        {
            throw new ArgumentException($"The negatives ({negative.Length} elements) must be a positive multiple of the positives ({positive.Length}).", nameof(negative));
        }

        if (!float.IsFinite(margin))
        {
            throw new ArgumentException($"The margin must be finite, got {margin}.", nameof(margin));
        }

        return negative.Length / positive.Length;
    }
}
