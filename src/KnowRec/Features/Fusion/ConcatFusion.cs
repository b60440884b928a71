using KnowRec.Numerics.Autodiff;

namespace KnowRec.Features.Fusion;

/// <summary>
/// Concatenation fusion: z = [p̃_1; …; p̃_S]·W + b with p̃_s = p_s where the item has source s and p̃_s = μ_s (a learned
/// "missing" vector per source) where it does not; W is [S·d, d].
/// </summary>
/// <remarks>
/// The learned μ_s is what keeps a missing source from looking like a real one: a present source whose raw vector is
/// zero still projects to b_s, while an absent one becomes μ_s, which training is free to move elsewhere (as the "no id"
/// row of <see cref="Models.Neural.TwoTowerModel"/> does for ids).
/// </remarks>
public sealed class ConcatFusion : FusionModule
{
    private readonly Tensor[] _missing;

    /// <summary>Creates the module.</summary>
    /// <param name="sourceDimensions">d_s of every source.</param>
    /// <param name="dimension">d, the fused width.</param>
    /// <param name="random">Source of the initial values.</param>
    public ConcatFusion(IReadOnlyList<int> sourceDimensions, int dimension, Random random)
        : base(sourceDimensions, dimension, random)
    {
        Weight = Init.XavierUniform([Sources * dimension, dimension], random);
        Bias = Init.Zeros([dimension]);
        _missing = [.. Enumerable.Range(0, Sources).Select(_ => Init.Zeros([dimension]))];
    }

    /// <summary>W, [S·d, d].</summary>
    public Tensor Weight { get; }

    /// <summary>b, [d].</summary>
    public Tensor Bias { get; }

    /// <summary>μ_s, the vector that stands for source s where an item lacks it, [d].</summary>
    public Tensor Missing(int source) => _missing[source];

    /// <inheritdoc/>
    protected override IReadOnlyList<Tensor> OwnParameters => [Weight, Bias, .. _missing];

    /// <inheritdoc/>
    protected override Tensor Combine(Tape tape, Tensor[] projections, bool[] present, int rows)
    {
        var parts = new Tensor[Sources];
        for (int s = 0; s < Sources; s++)
        {
            // p_s is already zero where absent; add μ_s exactly there.
            parts[s] = Ops.Add(tape, projections[s], Ops.Mul(tape, Column(present, Sources, s, Dimension, false), _missing[s]));
        }

        return Ops.Linear(tape, Ops.Concat(tape, parts), Weight, Bias);
    }
}
