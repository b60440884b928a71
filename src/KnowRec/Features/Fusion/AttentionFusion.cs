using KnowRec.Numerics.Autodiff;

namespace KnowRec.Features.Fusion;

/// <summary>
/// Attention fusion: z = Σ_{s present} α_s·p_s with α_s = softmax over the item's present sources of
/// qᵀ tanh(W_a p_s + b_a) (additive attention, Bahdanau et al. 2015; over modalities as in the multimodal attention of
/// Chen et al. 2017, "Attentive Collaborative Filtering", eq. 4), so each item weighs its sources by their content.
/// </summary>
/// <remarks>W_a is [d, d] and q is [d]; absent sources get weight exactly 0, and an item with none fuses to zero.</remarks>
public sealed class AttentionFusion : FusionModule
{
    /// <summary>Creates the module.</summary>
    /// <param name="sourceDimensions">d_s of every source.</param>
    /// <param name="dimension">d, the fused width (also the attention width).</param>
    /// <param name="random">Source of the initial values.</param>
    public AttentionFusion(IReadOnlyList<int> sourceDimensions, int dimension, Random random)
        : base(sourceDimensions, dimension, random)
    {
        Weight = Init.XavierUniform([dimension, dimension], random);
        Bias = Init.Zeros([dimension]);
        Query = Init.XavierUniform([dimension, 1], random);
    }

    /// <summary>W_a, [d, d].</summary>
    public Tensor Weight { get; }

    /// <summary>b_a, [d].</summary>
    public Tensor Bias { get; }

    /// <summary>q, [d, 1].</summary>
    public Tensor Query { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<Tensor> OwnParameters => [Weight, Bias, Query];

    /// <inheritdoc/>
    protected override Tensor Combine(Tape tape, Tensor[] projections, bool[] present, int rows)
    {
        // All rows' sources as one [rows·S, d] batch: row r·S + s is p_s of item r, matching the mask's layout.
        var stacked = Ops.Reshape(tape, Ops.Concat(tape, projections), [rows * Sources, Dimension]);
        var scores = Ops.MatMul(tape, Ops.Tanh(tape, Ops.Linear(tape, stacked, Weight, Bias)), Query, tape.Threads);
        var alpha = Ops.MaskedSoftmax(tape, Ops.Reshape(tape, scores, [rows, 1, Sources]), causal: false, Absent(present));
        return Mix(tape, alpha, projections);
    }
}
