using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Neural;

/// <summary>NeuMF's trainable tensors and its forward pass on the tape (He et al. 2017, eqs. 9–12).</summary>
/// <remarks>
/// There is no concatenation op, and none is needed: the MLP's first layer W·[p_u; q_i] is written exactly as
/// W_u·p_u + W_i·q_i (W split by rows into the half that meets p_u and the half that meets q_i), and the fused output
/// layer hᵀ[φ_GMF; φ_MLP] as h_GMFᵀφ_GMF + h_MLPᵀφ_MLP. Both halves are initialised by splitting one Glorot-initialised
/// matrix, so the network is the paper's.
/// </remarks>
internal sealed class NcfNetwork
{
    public NcfNetwork(int users, int items, NcfOptions options, System.Random random)
    {
        int[] tower = options.TowerWidths();
        int half = tower[0] / 2;

        // N(0, 0.01²) embeddings, as the authors' code initialises them.
        GmfUsers = Init.Normal([users, options.Factors], 0.01f, random).EnableSparseGradient();
        GmfItems = Init.Normal([items, options.Factors], 0.01f, random).EnableSparseGradient();
        MlpUsers = Init.Normal([users, half], 0.01f, random).EnableSparseGradient();
        MlpItems = Init.Normal([items, half], 0.01f, random).EnableSparseGradient();
        var first = Init.XavierUniform([tower[0], tower[1]], random);
        FirstUser = Rows(first, 0, half);
        FirstItem = Rows(first, half, half);
        FirstBias = Init.Zeros([tower[1]]);
        Hidden = [.. Enumerable.Range(2, tower.Length - 2).Select(l => new DenseLayer(tower[l - 1], tower[l], random))];
        var output = Init.XavierUniform([options.Factors + tower[^1], 1], random);
        OutputGmf = Rows(output, 0, options.Factors);
        OutputMlp = Rows(output, options.Factors, tower[^1]);
        OutputBias = Init.Zeros([1]);
    }

    /// <summary>GMF user embeddings p_u^G, [users, Factors].</summary>
    public Tensor GmfUsers { get; }

    /// <summary>GMF item embeddings q_i^G, [items, Factors].</summary>
    public Tensor GmfItems { get; }

    /// <summary>MLP user embeddings p_u^M, [users, tower₀/2].</summary>
    public Tensor MlpUsers { get; }

    /// <summary>MLP item embeddings q_i^M, [items, tower₀/2].</summary>
    public Tensor MlpItems { get; }

    /// <summary>Rows of the first layer's weight that multiply p_u^M.</summary>
    public Tensor FirstUser { get; }

    /// <summary>Rows of the first layer's weight that multiply q_i^M.</summary>
    public Tensor FirstItem { get; }

    /// <summary>Bias of the first layer.</summary>
    public Tensor FirstBias { get; }

    /// <summary>The remaining hidden ReLU layers of the tower.</summary>
    public DenseLayer[] Hidden { get; }

    /// <summary>Output weights on φ_GMF, [Factors, 1].</summary>
    public Tensor OutputGmf { get; }

    /// <summary>Output weights on φ_MLP, [last width, 1].</summary>
    public Tensor OutputMlp { get; }

    /// <summary>Output bias.</summary>
    public Tensor OutputBias { get; }

    /// <summary>Every trainable tensor, for the optimiser.</summary>
    public IReadOnlyList<Tensor> Parameters =>
        [GmfUsers, GmfItems, MlpUsers, MlpItems, FirstUser, FirstItem, FirstBias, .. Hidden.SelectMany(l => new[] { l.Weight, l.Bias }), OutputGmf, OutputMlp, OutputBias];

    /// <summary>The logits ŷ_ui before the sigmoid (eq. 12), [batch, 1].</summary>
    public Tensor Forward(Tape tape, int[] users, int[] items)
    {
        // φ_GMF = p_u ⊙ q_i (eq. 9).
        var gmf = Ops.Mul(tape, Ops.EmbeddingLookup(tape, GmfUsers, users), Ops.EmbeddingLookup(tape, GmfItems, items));

        // φ_MLP = a_L(W_L(… a_2(W_2 [p_u; q_i] + b_2) …) + b_L) (eq. 10), first layer split as in the remarks.
        var userPart = Ops.MatMul(tape, Ops.EmbeddingLookup(tape, MlpUsers, users), FirstUser, tape.Threads);
        var itemPart = Ops.MatMul(tape, Ops.EmbeddingLookup(tape, MlpItems, items), FirstItem, tape.Threads);
        var h = Ops.ReLU(tape, Ops.Add(tape, Ops.Add(tape, userPart, itemPart), FirstBias));
        foreach (var layer in Hidden)
        {
            h = Ops.ReLU(tape, layer.Forward(tape, h));
        }

        // ŷ = σ(hᵀ [φ_GMF; φ_MLP]) (eq. 11); the sigmoid is inside the loss.
        var logits = Ops.Add(tape, Ops.MatMul(tape, gmf, OutputGmf, tape.Threads), Ops.MatMul(tape, h, OutputMlp, tape.Threads));
        return Ops.Add(tape, logits, OutputBias);
    }

    private static Tensor Rows(Tensor source, int first, int count)
    {
        int columns = source.Columns;
        return Tensor.FromArray(source.Data[(first * columns)..((first + count) * columns)], [count, columns], requiresGrad: true);
    }
}
