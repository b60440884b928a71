using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Softmax of each row (over the last dimension): exp(x_j − max x) / Σ_k exp(x_k − max x).</summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="input">Tensor of rank 1 to 4.</param>
    /// <returns>A tensor of the input's shape whose rows are probability distributions.</returns>
    /// <remarks>Subtracting the row maximum keeps every exponent ≤ 0, so large logits cannot overflow.</remarks>
    public static Tensor Softmax(Tape tape, Tensor input)
    {
        CheckNotNull(tape, input);
        return SoftmaxRows(tape, input, queries: 1, causal: false, keyPadding: null, rowsPerSequence: Math.Max(1, input.Rows));
    }

    /// <summary>
    /// Softmax over the keys of attention scores [..., queries, keys], leaving out masked keys: their weight is exactly
    /// 0, as if their logit were −∞. A row whose keys are all masked (e.g. a padding query) becomes all zeros.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="scores">Logits of rank 3 [N, L_q, L_k] or rank 4 [B, H, L_q, L_k].</param>
    /// <param name="causal">Whether query i may only see keys j ≤ i (needs L_q = L_k): the autoregressive mask of a decoder.</param>
    /// <param name="keyPadding">
    /// Optional, true for keys to leave out, S × L_k for S sequences; the N = (all dimensions but the last two) score
    /// matrices are taken as S runs of N / S consecutive matrices, one run per sequence, which is how
    /// <see cref="SplitHeads"/> lays out the heads of a batch.
    /// </param>
    /// <returns>A tensor of the scores' shape.</returns>
    public static Tensor MaskedSoftmax(Tape tape, Tensor scores, bool causal, bool[]? keyPadding = null)
    {
        CheckNotNull(tape, scores);
        if (scores.Rank is not (3 or 4))
        {
            throw new ArgumentException($"Attention scores must have rank 3 or 4, not shape {scores.ShapeText}.", nameof(scores));
        }

        int queries = scores.Shape[^2], keys = scores.Shape[^1];
        if (causal && queries != keys)
        {
            throw new ArgumentException($"A causal mask needs as many queries as keys, not {queries} and {keys}.", nameof(causal));
        }

        int matrices = queries == 0 ? 0 : scores.Rows / queries;
        int rowsPerSequence = Math.Max(1, scores.Rows);
        if (keyPadding is not null)
        {
            int sequences = keys == 0 ? 0 : keyPadding.Length / keys;
            if (keyPadding.Length != sequences * keys || sequences == 0 || matrices % sequences != 0)
            {
                throw new ArgumentException($"The key padding mask has {keyPadding.Length} entries; it needs S × {keys} for a number of sequences S that divides {matrices}.", nameof(keyPadding));
            }

            rowsPerSequence = matrices / sequences * queries;
        }

        return SoftmaxRows(tape, scores, queries, causal, keyPadding is null ? null : (bool[])keyPadding.Clone(), rowsPerSequence);
    }

    // Row r is query r % queries of sequence r / rowsPerSequence; masked keys get weight 0.
    private static Tensor SoftmaxRows(Tape tape, Tensor input, int queries, bool causal, bool[]? keyPadding, int rowsPerSequence)
    {
        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        int rows = input.Rows, columns = input.Columns;
        float[] x = input.Data, y = output.Data;
        ForEachBatchItem(tape.Threads, rows, r =>
        {
            // Keys past the causal limit keep the zero the output was created with.
            int limit = causal ? (r % queries) + 1 : columns;
            var yr = y.AsSpan(r * columns, limit);
            x.AsSpan(r * columns, limit).CopyTo(yr);
            if (keyPadding is not null)
            {
                var padding = keyPadding.AsSpan(r / rowsPerSequence * columns, limit);
                for (int j = 0; j < limit; j++)
                {
                    if (padding[j])
                    {
                        yr[j] = float.NegativeInfinity;
                    }
                }
            }

            float max = limit == 0 ? float.NegativeInfinity : TensorPrimitives.Max(yr);
            if (float.IsNegativeInfinity(max))
            {
                yr.Clear();
                return;
            }

            // exp(−∞ − max) = 0 for masked keys.
            TensorPrimitives.Subtract(yr, max, yr);
            TensorPrimitives.Exp(yr, yr);
            TensorPrimitives.Multiply(yr, 1f / TensorPrimitives.Sum(yr), yr);
        });

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // dx_j = y_j (g_j − Σ_k g_k y_k); masked keys have y_j = 0, so they receive nothing.
                var gi = input.EnsureGrad();
                ForEachBatchItem(tape.Threads, rows, r =>
                {
                    int o = r * columns, limit = causal ? (r % queries) + 1 : columns;
                    float dot = TensorPrimitives.Dot(g.AsSpan(o, limit), y.AsSpan(o, limit));
                    for (int j = o; j < o + limit; j++)
                    {
                        gi[j] += y[j] * (g[j] - dot);
                    }
                });
            });
        }

        return output;
    }
}
