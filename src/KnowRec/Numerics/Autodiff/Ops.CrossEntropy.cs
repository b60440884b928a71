using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>The target index that marks a padding row: <see cref="SoftmaxCrossEntropy"/> skips it.</summary>
    public const int IgnoreIndex = -1;

    /// <summary>
    /// Softmax cross-entropy over all classes, averaged over the rows that have a target:
    /// L = (1/|R|) Σ_{r∈R} (log Σ_c exp(x[r, c]) − x[r, t_r]), where R holds the rows whose target t_r is not <see cref="IgnoreIndex"/>.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="logits">Scores x read as N = <see cref="Tensor.Rows"/> rows of C = <see cref="Tensor.Columns"/> classes, e.g. [N, C] or [B, L, C].</param>
    /// <param name="targets">The true class of each row, in [0, C), or <see cref="IgnoreIndex"/> (−1) for a padding row.</param>
    /// <returns>A scalar (shape [1]); 0 when every row is padding.</returns>
    /// <exception cref="ArgumentException">targets.Length differs from the number of rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target lies outside [0, C) and is not −1.</exception>
    /// <remarks>
    /// log Σ exp is computed as m + log Σ exp(x − m) with m the row maximum, so large logits cannot overflow. The gradient
    /// is (softmax(x[r]) − onehot(t_r)) / |R| on kept rows and 0 on padding rows; the backward step recomputes the
    /// softmax from the stored log Σ exp rather than keeping an N × C copy.
    /// </remarks>
    public static Tensor SoftmaxCrossEntropy(Tape tape, Tensor logits, int[] targets)
    {
        CheckNotNull(tape, logits);
        ArgumentNullException.ThrowIfNull(targets);
        int rows = logits.Rows, classes = logits.Columns, threads = tape.Threads;
        if (targets.Length != rows)
        {
            throw new ArgumentException($"{targets.Length} targets for {rows} rows of logits {logits.ShapeText}.", nameof(targets));
        }

        int kept = 0;
        for (int r = 0; r < rows; r++)
        {
            int t = targets[r];
            if (t != IgnoreIndex && (uint)t >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), t, $"Target of row {r} is {t}, neither a class in [0, {classes}) nor the padding mark {IgnoreIndex}.");
            }

            kept += t == IgnoreIndex ? 0 : 1;
        }

        int[] labels = (int[])targets.Clone();
        var x = logits.Data;
        var logTotals = new float[rows];
        var rowLosses = new double[rows];
        ForRows(threads, rows, classes, (s, e) =>
        {
            var scratch = new float[classes];
            for (int r = s; r < e; r++)
            {
                if (labels[r] != IgnoreIndex)
                {
                    var row = x.AsSpan(r * classes, classes);
                    logTotals[r] = LogSumExp(row, scratch);
                    rowLosses[r] = (double)logTotals[r] - row[labels[r]];
                }
            }
        });

        double total = 0;
        foreach (double loss in rowLosses)
        {
            total += loss;
        }

        var output = Tensor.FromArray([kept == 0 ? 0f : (float)(total / kept)], [1], logits.RequiresGrad);
        if (output.RequiresGrad)
        {
            // Recorded even when every row is padding, so that Backward on such a batch succeeds (adding nothing).
            tape.Record(() =>
            {
                if (output.Grad is not { } g || kept == 0)
                {
                    return;
                }

                float scale = g[0] / kept;
                var gx = logits.EnsureGrad();
                ForRows(threads, rows, classes, (s, e) =>
                {
                    var softmax = new float[classes];
                    for (int r = s; r < e; r++)
                    {
                        if (labels[r] == IgnoreIndex)
                        {
                            continue;
                        }

                        // softmax = exp(x − log Σ exp(x)); gx += scale · (softmax − onehot).
                        int o = r * classes;
                        TensorPrimitives.Subtract(x.AsSpan(o, classes), logTotals[r], softmax);
                        TensorPrimitives.Exp(softmax, softmax);
                        TensorPrimitives.MultiplyAdd(softmax, scale, gx.AsSpan(o, classes), gx.AsSpan(o, classes));
                        gx[o + labels[r]] -= scale;
                    }
                });
            });
        }

        return output;
    }

    /// <summary>
    /// Sampled softmax cross-entropy with the logQ correction: each row scores its true item (column 0) against k sampled
    /// negatives (columns 1 … k), and every score is corrected by the log of the probability with which it was sampled:
    /// L = (1/N) Σ_r (log Σ_{j=0}^{k} exp(s'[r, j]) − s'[r, 0]), with s'[r, j] = s[r, j] − ln q[r, j].
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="logits">Scores s read as N rows of 1 + k columns: the true item's score first, then the negatives'.</param>
    /// <param name="samplingProbabilities">
    /// q[r, j] &gt; 0, row-major like <paramref name="logits"/>: the probability (or any fixed multiple of it, such as the
    /// expected count k·q) with which the sampler draws the item scored at [r, j]. Not differentiated.
    /// </param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <exception cref="ArgumentException">The probabilities' length differs from the logits', or one is not finite and positive.</exception>
    /// <remarks>
    /// The correction makes the sampled softmax an unbiased-in-the-limit estimate of the full softmax when items are not
    /// drawn uniformly (Bengio &amp; Senécal 2008, importance sampling; Jean et al. 2015; Yi et al. 2019, "Sampling-bias-corrected
    /// neural modeling for large corpus item recommendations", eq. 3: s^c(x, y) = s(x, y) − log p_y), and, as in
    /// TensorFlow's sampled_softmax_loss, it is applied to the true item's score too. A constant factor in q cancels.
    /// Accidental hits (a negative equal to the true item) are not removed: draw negatives that exclude it. To skip
    /// padding rows, <see cref="Gather"/> the kept rows first. Under uniform sampling the correction is a constant and
    /// this equals <see cref="SoftmaxCrossEntropy"/> with target 0.
    /// </remarks>
    public static Tensor SampledSoftmaxCrossEntropy(Tape tape, Tensor logits, float[] samplingProbabilities)
    {
        CheckNotNull(tape, logits);
        ArgumentNullException.ThrowIfNull(samplingProbabilities);
        if (samplingProbabilities.Length != logits.Length)
        {
            throw new ArgumentException(
                $"{samplingProbabilities.Length} sampling probabilities for {logits.Length} logits {logits.ShapeText}.", nameof(samplingProbabilities));
        }

        if (logits.Columns == 0 && logits.Rows > 0)
        {
            throw new ArgumentException($"Logits {logits.ShapeText} have no column for the true item.", nameof(logits));
        }

        var logQ = new float[samplingProbabilities.Length];
        for (int i = 0; i < logQ.Length; i++)
        {
            float q = samplingProbabilities[i];
            if (!(q > 0f) || !float.IsFinite(q))
            {
                throw new ArgumentException($"Sampling probability {i} is {q}; each must be finite and positive.", nameof(samplingProbabilities));
            }

            logQ[i] = MathF.Log(q);
        }

        var corrected = Sub(tape, logits, Tensor.FromArray(logQ, logits.Shape.ToArray()));
        return SoftmaxCrossEntropy(tape, corrected, new int[logits.Rows]);
    }

    // log Σ exp(row) = m + log Σ exp(row − m) with m = max(row), using scratch for the shifted exponentials.
    private static float LogSumExp(ReadOnlySpan<float> row, Span<float> scratch)
    {
        float max = TensorPrimitives.Max(row);
        if (float.IsNegativeInfinity(max))
        {
            return max; // every class impossible: log 0
        }

        TensorPrimitives.Subtract(row, max, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        return (float)(max + Math.Log(TensorPrimitives.Sum(scratch)));
    }
}
