using KnowRec.Numerics.Autodiff;

namespace KnowRec.Features.Fusion;

/// <summary>
/// Weighted fusion: z = Σ_{s present} α_s·p_s with α_s = exp(w_s) / Σ_{t present} exp(w_t), one learned scalar w_s per
/// source, renormalised over the sources each item has (an item with only some modalities gives them the whole weight).
/// </summary>
/// <remarks>The weights start equal (w = 0), so the module starts as the mean of the projections present. An item with no source present fuses to zero.</remarks>
public sealed class WeightedFusion : FusionModule
{
    /// <summary>Creates the module.</summary>
    /// <param name="sourceDimensions">d_s of every source.</param>
    /// <param name="dimension">d, the fused width.</param>
    /// <param name="random">Source of the initial values.</param>
    public WeightedFusion(IReadOnlyList<int> sourceDimensions, int dimension, Random random)
        : base(sourceDimensions, dimension, random) => Logits = Init.Zeros([Sources]);

    /// <summary>w, [S]: the unnormalised log-weight of each source.</summary>
    public Tensor Logits { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<Tensor> OwnParameters => [Logits];

    /// <inheritdoc/>
    protected override Tensor Combine(Tape tape, Tensor[] projections, bool[] present, int rows)
    {
        // w broadcast to every row, then a softmax per row over its sources present.
        var scores = Ops.Reshape(tape, Ops.Add(tape, Tensor.Zeros([rows, Sources]), Logits), [rows, 1, Sources]);
        return Mix(tape, Ops.MaskedSoftmax(tape, scores, causal: false, Absent(present)), projections);
    }
}
