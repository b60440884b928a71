using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Hybrid;

/// <summary>
/// KAR's hybrid-expert knowledge adaptor (Xi et al. 2023, "Towards Open-World Recommendation with Knowledge
/// Augmentation from Large Language Models", §3.3, hybrid-expert adaptor): for the user's reasoning vector r and the
/// item's factual vector f,
/// α^r = softmax(g^r(r)), r̂ = Σ_{i ≤ n_s} α^r_i e^s_i(r) + Σ_{j ≤ n_r} α^r_{n_s+j} e^r_j(r), and likewise
/// α^f = softmax(g^f(f)), f̂ = Σ_{i ≤ n_s} α^f_i e^s_i(f) + Σ_{j ≤ n_f} α^f_{n_s+j} e^f_j(f),
/// where the shared experts e^s carry what both kinds of knowledge have in common and the dedicated ones what is
/// particular to each; each expert is a one-hidden-layer ReLU MLP and each gate g a linear map.
/// </summary>
/// <remarks>Rows whose knowledge vector is absent get r̂ = 0 (or f̂ = 0), so the backbone reads nothing rather than the experts' output on a zero row.</remarks>
internal sealed class KnowledgeAdaptor
{
    private readonly (DenseLayer Hidden, DenseLayer Output)[] _shared;
    private readonly (DenseLayer Hidden, DenseLayer Output)[][] _dedicated;
    private readonly DenseLayer[] _gates;

    public KnowledgeAdaptor(int input, int hidden, int output, int shared, int dedicated, System.Random random)
    {
        _shared = [.. Enumerable.Range(0, shared).Select(_ => Expert(input, hidden, output, random))];
        _dedicated = [.. Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, dedicated).Select(_ => Expert(input, hidden, output, random)).ToArray())];
        _gates = [new DenseLayer(input, shared + dedicated, random), new DenseLayer(input, shared + dedicated, random)];
        Output = output;
    }

    /// <summary>Side 0: the user's reasoning vector; side 1: the item's factual vector.</summary>
    public const int User = 0, Item = 1;

    /// <summary>Width of the augmented vectors.</summary>
    public int Output { get; }

    public IReadOnlyList<Tensor> Parameters =>
        [.. _shared.Concat(_dedicated.SelectMany(d => d)).SelectMany(e => new[] { e.Hidden.Weight, e.Hidden.Bias, e.Output.Weight, e.Output.Bias }), .. _gates.SelectMany(g => new[] { g.Weight, g.Bias })];

    /// <summary>The augmented vectors [rows, q] of knowledge vectors [rows, k] for one side; rows where <paramref name="present"/> is false are zero.</summary>
    public Tensor Forward(Tape tape, Tensor input, int side, bool[] present)
    {
        var experts = _shared.Concat(_dedicated[side]).ToArray();
        int rows = input.Rows;
        var alpha = Ops.Reshape(tape, Ops.Softmax(tape, _gates[side].Forward(tape, input)), [rows, 1, experts.Length]);
        var outputs = experts.Select(e => e.Output.Forward(tape, Ops.ReLU(tape, e.Hidden.Forward(tape, input)))).ToArray();
        var stacked = Ops.Reshape(tape, Ops.Concat(tape, outputs), [rows, experts.Length, Output]);
        var mixed = Ops.Reshape(tape, Ops.BatchedMatMul(tape, alpha, stacked), [rows, Output]);
        var mask = new float[rows * Output];
        for (int r = 0; r < rows; r++)
        {
            if (present[r])
            {
                mask.AsSpan(r * Output, Output).Fill(1f);
            }
        }

        return Ops.Mul(tape, mixed, Tensor.FromArray(mask, [rows, Output]));
    }

    private static (DenseLayer, DenseLayer) Expert(int input, int hidden, int output, System.Random random) => (new DenseLayer(input, hidden, random), new DenseLayer(hidden, output, random));
}
