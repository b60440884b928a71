using KnowRec.Numerics.Autodiff;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace KnowRec.Models.Neural;

/// <summary>Softmax cross-entropy of each row of logits against one target column, with a fixed additive adjustment, fused into one op.</summary>
/// <remarks>
/// loss = (1/B) Σ_r [log Σ_c exp(z_rc) − z_r,t(r)] with z = logits + adjustment, where the adjustment carries the log Q
/// correction and −∞-like entries that take a candidate out of a row (Yi et al. 2019, eq. 3; Jean et al. 2015). Its
/// gradient is (softmax(z_r) − onehot(t(r))) / B. Fusing the shift, the log-softmax, the pick and the mean saves four
/// passes over a [B, candidates] matrix, the widest tensor of a two-tower step. Rows are independent and summed in row
/// order, so the result does not depend on threads.
/// </remarks>
internal static class SampledSoftmaxLoss
{
    /// <summary>The mean cross-entropy as a scalar; <paramref name="adjustment"/> is [rows × columns] (or empty for none).</summary>
    public static Tensor Compute(Tape tape, Tensor logits, float[] adjustment, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(adjustment);
        ArgumentNullException.ThrowIfNull(targets);
        int rows = logits.Rows, columns = logits.Columns;
        if (logits.Rank != 2 || rows == 0 || targets.Length != rows || (adjustment.Length != 0 && adjustment.Length != logits.Length))
        {
            throw new ArgumentException($"Logits {logits.ShapeText} need one target per row ({targets.Length} given) and an adjustment of the same size ({adjustment.Length} given).", nameof(logits));
        }

        var probabilities = new float[logits.Length];
        var losses = new double[rows];
        var x = logits.Data;
        for (int r = 0; r < rows; r++)
        {
            int target = targets[r];
            if ((uint)target >= (uint)columns)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), target, $"Target outside the {columns} columns.");
            }

            var p = probabilities.AsSpan(r * columns, columns);
            if (adjustment.Length == 0)
            {
                x.AsSpan(r * columns, columns).CopyTo(p);
            }
            else
            {
                TensorPrimitives.Add(x.AsSpan(r * columns, columns), adjustment.AsSpan(r * columns, columns), p);
            }

            // Shift by the row maximum so every exponent is ≤ 0.
            float max = TensorPrimitives.Max(p);
            float picked = p[target] - max;
            TensorPrimitives.Subtract(p, max, p);
            TensorPrimitives.Exp(p, p);
            float total = TensorPrimitives.Sum(p);
            TensorPrimitives.Divide(p, total, p);
            losses[r] = Math.Log(total) - picked;
        }

        var output = Tensor.FromArray([(float)(losses.Sum() / rows)], [1], logits.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float scale = g[0] / rows;
                var gx = logits.EnsureGrad();
                for (int r = 0; r < rows; r++)
                {
                    var p = probabilities.AsSpan(r * columns, columns);
                    p[targets[r]] -= 1f;
                    TensorPrimitives.MultiplyAdd(p, scale, gx.AsSpan(r * columns, columns), gx.AsSpan(r * columns, columns));
                }
            });
        }

        return output;
    }
}
