namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Mean squared error: the mean over elements of (prediction − target)².</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="prediction">Predicted values.</param>
    /// <param name="target">Target values, same shape; gradients flow to it too when it requires them.</param>
    /// <returns>A scalar (shape [1]).</returns>
    public static Tensor MeanSquaredError(Tape tape, Tensor prediction, Tensor target)
    {
        CheckPair(tape, prediction, target);
        var p = prediction.Data;
        var t = target.Data;
        double total = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double difference = p[i] - (double)t[i];
            total += difference * difference;
        }

        int count = p.Length;
        var output = Tensor.FromArray([(float)(total / count)], [1], prediction.RequiresGrad || target.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float scale = 2f * g[0] / count;
                float[]? gp = prediction.RequiresGrad ? prediction.EnsureGrad() : null;
                float[]? gt = target.RequiresGrad ? target.EnsureGrad() : null;
                for (int i = 0; i < count; i++)
                {
                    float step = scale * (p[i] - t[i]);
                    if (gp is not null)
                    {
                        gp[i] += step;
                    }

                    if (gt is not null)
                    {
                        gt[i] -= step;
                    }
                }
            });
        }

        return output;
    }

    /// <summary>Binary cross-entropy of the logistic of <paramref name="logits"/> against <paramref name="targets"/>, averaged over elements.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="logits">Unnormalised scores x.</param>
    /// <param name="targets">Targets y in [0, 1], same shape; gradients flow to them too when they require them.</param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <remarks>
    /// Each term is computed as max(x, 0) − x·y + log(1 + exp(−|x|)), equal to −y·log σ(x) − (1 − y)·log(1 − σ(x)) but
    /// without overflow or log(0) for large |x|. Its derivative is σ(x) − y with respect to x and −x with respect to y.
    /// </remarks>
    public static Tensor BinaryCrossEntropyWithLogits(Tape tape, Tensor logits, Tensor targets)
    {
        CheckPair(tape, logits, targets);
        var x = logits.Data;
        var y = targets.Data;
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i];
            total += Math.Max(xi, 0.0) - (xi * y[i]) + Math.Log(1.0 + Math.Exp(-Math.Abs(xi)));
        }

        int count = x.Length;
        var output = Tensor.FromArray([(float)(total / count)], [1], logits.RequiresGrad || targets.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float scale = g[0] / count;
                float[]? gx = logits.RequiresGrad ? logits.EnsureGrad() : null;
                float[]? gy = targets.RequiresGrad ? targets.EnsureGrad() : null;
                for (int i = 0; i < count; i++)
                {
                    if (gx is not null)
                    {
                        gx[i] += scale * (Logistic(x[i]) - y[i]);
                    }

                    if (gy is not null)
                    {
                        gy[i] -= scale * x[i];
                    }
                }
            });
        }

        return output;
    }

    private static void CheckPair(Tape tape, Tensor prediction, Tensor target)
    {
        CheckNotNull(tape, prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (!prediction.SameShape(target))
        {
            throw new ArgumentException($"Shapes {prediction.ShapeText} and {target.ShapeText} differ.", nameof(target));
        }

        CheckNotEmpty(prediction, nameof(prediction));
    }
}
