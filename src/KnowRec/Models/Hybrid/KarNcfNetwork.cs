using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Hybrid;

/// <summary>
/// KAR's NeuMF backbone on the tape (He et al. 2017, eqs. 9–12): GMF over id embeddings, and an MLP whose input is
/// [p^M_u; r̂_u; q^M_i; f̂_i] (KAR §3.4: the augmented vectors join the backbone's input), two ReLU layers (Hidden,
/// Hidden/2), and one output over [φ_GMF; φ_MLP]. The first layer is split into a user half and an item half so it can
/// be precomputed per user and per item for scoring (<see cref="NcfHead"/>).
/// </summary>
internal sealed class KarNcfNetwork
{
    public KarNcfNetwork(int users, int items, KarOptions options, System.Random random)
    {
        int half = options.Hidden / 2, q = options.Augmented;
        GmfUsers = Init.Normal([users, options.Factors], 0.01f, random).EnableSparseGradient();
        GmfItems = Init.Normal([items, options.Factors], 0.01f, random).EnableSparseGradient();
        MlpUsers = Init.Normal([users, half], 0.01f, random).EnableSparseGradient();
        MlpItems = Init.Normal([items, half], 0.01f, random).EnableSparseGradient();
        FirstUser = Init.XavierUniform([half + q, options.Hidden], random);
        FirstItem = Init.XavierUniform([half + q, options.Hidden], random);
        FirstBias = Init.Zeros([options.Hidden]);
        Second = new DenseLayer(options.Hidden, half, random);
        OutputGmf = Init.XavierUniform([options.Factors, 1], random);
        OutputMlp = Init.XavierUniform([half, 1], random);
        OutputBias = Init.Zeros([1]);
    }

    public Tensor GmfUsers { get; }

    public Tensor GmfItems { get; }

    public Tensor MlpUsers { get; }

    public Tensor MlpItems { get; }

    public Tensor FirstUser { get; }

    public Tensor FirstItem { get; }

    public Tensor FirstBias { get; }

    public DenseLayer Second { get; }

    public Tensor OutputGmf { get; }

    public Tensor OutputMlp { get; }

    public Tensor OutputBias { get; }

    public IReadOnlyList<Tensor> Parameters =>
        [GmfUsers, GmfItems, MlpUsers, MlpItems, FirstUser, FirstItem, FirstBias, Second.Weight, Second.Bias, OutputGmf, OutputMlp, OutputBias];

    /// <summary>Logits [batch, 1] for (user, item) pairs with their augmented vectors r̂ [batch, q] and f̂ [batch, q].</summary>
    public Tensor Forward(Tape tape, int[] users, int[] items, Tensor userKnowledge, Tensor itemKnowledge)
    {
        var gmf = Ops.Mul(tape, Ops.EmbeddingLookup(tape, GmfUsers, users), Ops.EmbeddingLookup(tape, GmfItems, items));
        var userPart = Ops.MatMul(tape, Ops.Concat(tape, Ops.EmbeddingLookup(tape, MlpUsers, users), userKnowledge), FirstUser, tape.Threads);
        var itemPart = Ops.MatMul(tape, Ops.Concat(tape, Ops.EmbeddingLookup(tape, MlpItems, items), itemKnowledge), FirstItem, tape.Threads);
        var h = Ops.ReLU(tape, Ops.Add(tape, Ops.Add(tape, userPart, itemPart), FirstBias));
        h = Ops.ReLU(tape, Second.Forward(tape, h));
        var logits = Ops.Add(tape, Ops.MatMul(tape, gmf, OutputGmf, tape.Threads), Ops.MatMul(tape, h, OutputMlp, tape.Threads));
        return Ops.Add(tape, logits, OutputBias);
    }
}
