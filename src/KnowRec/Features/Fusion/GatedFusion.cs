using KnowRec.Numerics.Autodiff;

namespace KnowRec.Features.Fusion;

/// <summary>
/// Gated fusion of the collaborative vector z = p_0 (source 0, e.g. the id embedding) and the knowledge vector e (the
/// mean of the projections p_1 … p_{S−1} the item has): g = σ(z·W₁ + e·W₂ + b) and ẑ = g ⊙ z + (1 − g) ⊙ e, the
/// gate ẑ = σ(W₁z + W₂e + b) of the large-model issue used, as in gated multimodal units (Arevalo et al. 2017, eq. 1–4),
/// to interpolate element-wise between the two.
/// </summary>
/// <remarks>
/// Masking: with z absent (a cold item) ẑ = e; with no knowledge source present ẑ = z; with neither, ẑ = 0. Computed as
/// ẑ = e + g′ ⊙ (z − e) with g′ = g where both are present, 1 where only z is, 0 where z is absent, which equals the
/// formula above where both are present. Needs at least two sources.
/// </remarks>
public sealed class GatedFusion : FusionModule
{
    /// <summary>Creates the module.</summary>
    /// <param name="sourceDimensions">d_s of every source; source 0 is the collaborative one, at least one more follows.</param>
    /// <param name="dimension">d, the fused width.</param>
    /// <param name="random">Source of the initial values.</param>
    public GatedFusion(IReadOnlyList<int> sourceDimensions, int dimension, Random random)
        : base(sourceDimensions, dimension, random)
    {
        if (Sources < 2)
        {
            throw new ArgumentException("Gated fusion needs the collaborative source and at least one knowledge source.", nameof(sourceDimensions));
        }

        CollaborativeWeight = Init.XavierUniform([dimension, dimension], random);
        KnowledgeWeight = Init.XavierUniform([dimension, dimension], random);
        Bias = Init.Zeros([dimension]);
    }

    /// <summary>W₁, [d, d].</summary>
    public Tensor CollaborativeWeight { get; }

    /// <summary>W₂, [d, d].</summary>
    public Tensor KnowledgeWeight { get; }

    /// <summary>b, [d].</summary>
    public Tensor Bias { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<Tensor> OwnParameters => [CollaborativeWeight, KnowledgeWeight, Bias];

    /// <inheritdoc/>
    protected override Tensor Combine(Tape tape, Tensor[] projections, bool[] present, int rows)
    {
        int knowledge = Sources - 1, d = Dimension;
        var mean = new float[rows * knowledge];
        var both = new float[rows * d];
        var onlyCollaborative = new float[rows * d];
        for (int r = 0; r < rows; r++)
        {
            int count = 0;
            for (int s = 1; s < Sources; s++)
            {
                count += present[(r * Sources) + s] ? 1 : 0;
            }

            for (int s = 1; s < Sources; s++)
            {
                mean[(r * knowledge) + s - 1] = present[(r * Sources) + s] ? 1f / count : 0f;
            }

            if (present[r * Sources])
            {
                (count > 0 ? both : onlyCollaborative).AsSpan(r * d, d).Fill(1f);
            }
        }

        var collaborative = projections[0];
        var e = Mix(tape, Tensor.FromArray(mean, [rows, 1, knowledge]), projections[1..]);
        var g = Ops.Sigmoid(tape, Ops.Add(tape, Ops.Add(tape, Ops.MatMul(tape, collaborative, CollaborativeWeight, tape.Threads), Ops.MatMul(tape, e, KnowledgeWeight, tape.Threads)), Bias));
        var gate = Ops.Add(tape, Ops.Mul(tape, g, Tensor.FromArray(both, [rows, d])), Tensor.FromArray(onlyCollaborative, [rows, d]));
        return Ops.Add(tape, e, Ops.Mul(tape, gate, Ops.Sub(tape, collaborative, e)));
    }
}
