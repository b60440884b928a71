namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Multi-head scaled dot-product attention (Vaswani et al. 2017, "Attention Is All You Need", eq. 1 and Section
    /// 3.2.2): MultiHead(Q, K, V) = Concat(head_1, …, head_h)·W^O with head_j = softmax(Q_j K_jᵀ / √d_h)·V_j, where Q, K,
    /// V are the projections of <paramref name="query"/> and <paramref name="keyValue"/> and d_h = d / h.
    /// </summary>
    /// <param name="tape">Where the backward steps are recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="query">Queries [B, L_q, d].</param>
    /// <param name="keyValue">Keys and values [B, L_k, d]; the same tensor as <paramref name="query"/> for self-attention.</param>
    /// <param name="weights">The projections; their width must be d.</param>
    /// <param name="causal">Whether position i may only attend to positions j ≤ i (needs L_q = L_k).</param>
    /// <param name="keyPadding">Optional B × L_k flags, true for keys to ignore (padding); queries that see no key output 0.</param>
    /// <param name="dropout">Rate of dropout on the attention weights; 0 at inference.</param>
    /// <param name="dropoutSeed">Seed of that dropout's mask (see <see cref="Dropout"/>).</param>
    /// <returns>[B, L_q, d].</returns>
    /// <remarks>A composite of <see cref="Linear"/>, <see cref="SplitHeads"/>, <see cref="BatchedMatMul"/>, <see cref="MaskedSoftmax"/>, <see cref="Dropout"/> and <see cref="MergeHeads"/>; each records its own backward step.</remarks>
    public static Tensor MultiHeadAttention(
        Tape tape, Tensor query, Tensor keyValue, AttentionWeights weights, bool causal = false, bool[]? keyPadding = null, float dropout = 0f, ulong dropoutSeed = 0)
    {
        CheckNotNull(tape, query);
        ArgumentNullException.ThrowIfNull(keyValue);
        ArgumentNullException.ThrowIfNull(weights);
        if (query.Rank != 3 || keyValue.Rank != 3 || query.Shape[0] != keyValue.Shape[0] || query.Columns != weights.Width || keyValue.Columns != weights.Width)
        {
            throw new ArgumentException($"Attention needs queries [B, L_q, {weights.Width}] and keys [B, L_k, {weights.Width}], not {query.ShapeText} and {keyValue.ShapeText}.", nameof(keyValue));
        }

        if (keyPadding is not null && keyPadding.Length != keyValue.Rows)
        {
            throw new ArgumentException($"The key padding mask has {keyPadding.Length} entries, not B × L_k = {keyValue.Rows}.", nameof(keyPadding));
        }

        int heads = weights.Heads;
        var q = SplitHeads(tape, Linear(tape, query, weights.Query, weights.QueryBias), heads);
        var k = SplitHeads(tape, Linear(tape, keyValue, weights.Key, weights.KeyBias), heads);
        var v = SplitHeads(tape, Linear(tape, keyValue, weights.Value, weights.ValueBias), heads);

        // Dividing by √d_h keeps the logits' variance near 1 whatever the head width (Vaswani et al., footnote 4).
        var scores = BatchedMatMul(tape, q, k, transposeB: true, scale: 1f / MathF.Sqrt(weights.Width / heads));
        var attention = Dropout(tape, MaskedSoftmax(tape, scores, causal, keyPadding), dropout, dropout > 0f, dropoutSeed);
        var merged = MergeHeads(tape, BatchedMatMul(tape, attention, v), heads);
        return weights.Output is { } output ? Linear(tape, merged, output, weights.OutputBias) : merged;
    }
}
