using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>The parameters of KGAT and the two computations that use them: attentive propagation (eqs. 3–11) and TransR (eqs. 1–2).</summary>
internal sealed class KgatNetwork
{
    // Negative slope of the LeakyReLU in the bi-interaction aggregator: the value of the authors' TensorFlow code
    // (tf.nn.leaky_relu's default).
    internal const float Slope = 0.2f;

    // Standard deviation of the initial node and relation embeddings (as LightGCN here and its reference code).
    private const float InitialScale = 0.1f;

    public KgatNetwork(int nodes, int relations, KgatOptions options)
    {
        var random = new System.Random(options.Seed);
        int d = options.Factors, k = options.RelationFactors;
        Embeddings = Tensor.Normal([nodes, d], 0f, InitialScale, random, requiresGrad: true).EnableSparseGradient();
        RelationEmbeddings = Tensor.Normal([relations, k], 0f, InitialScale, random, requiresGrad: true);
        float bound = MathF.Sqrt(6f / (d + k));
        RelationMatrices = Tensor.Uniform([relations, d, k], -bound, bound, random, requiresGrad: true);
        int[] sizes = options.Layers();
        SumWeights = new Tensor[sizes.Length];
        SumBiases = new Tensor[sizes.Length];
        ProductWeights = new Tensor[sizes.Length];
        ProductBiases = new Tensor[sizes.Length];
        int width = d;
        for (int l = 0; l < sizes.Length; l++)
        {
            SumWeights[l] = Init.XavierUniform([width, sizes[l]], random);
            SumBiases[l] = Init.Zeros([sizes[l]]);
            ProductWeights[l] = Init.XavierUniform([width, sizes[l]], random);
            ProductBiases[l] = Init.Zeros([sizes[l]]);
            width = sizes[l];
        }
    }

    /// <summary>e⁽⁰⁾ of every node: users, items, entities.</summary>
    public Tensor Embeddings { get; }

    /// <summary>e_r of every relation (TransR's relation embeddings, k wide).</summary>
    public Tensor RelationEmbeddings { get; }

    /// <summary>W_r of every relation (d × k).</summary>
    public Tensor RelationMatrices { get; }

    /// <summary>W₁ of each layer (eq. 8).</summary>
    public Tensor[] SumWeights { get; }

    /// <summary>b₁ of each layer.</summary>
    public Tensor[] SumBiases { get; }

    /// <summary>W₂ of each layer (eq. 8).</summary>
    public Tensor[] ProductWeights { get; }

    /// <summary>b₂ of each layer.</summary>
    public Tensor[] ProductBiases { get; }

    /// <summary>What the CF phase trains: the embeddings and the aggregators.</summary>
    public Tensor[] CollaborativeParameters => [Embeddings, .. SumWeights, .. SumBiases, .. ProductWeights, .. ProductBiases];

    /// <summary>What the KG phase trains: the embeddings and TransR's relation parameters.</summary>
    public Tensor[] KnowledgeParameters => [Embeddings, RelationEmbeddings, RelationMatrices];

    /// <summary>
    /// e* = e⁽⁰⁾ ‖ e⁽¹⁾ ‖ … ‖ e⁽ᴸ⁾ (eq. 11) with e⁽ˡ⁾ = LeakyReLU(W₁(e + e_N) + b₁) + LeakyReLU(W₂(e ⊙ e_N) + b₂) (eq. 8) and
    /// e_N = Σ π(h, r, t) e_t the attention-weighted neighbourhood (eq. 3), i.e. the rows of <paramref name="adjacency"/> · e.
    /// </summary>
    /// <remarks>
    /// As the reference code, each layer's output passes message dropout before it feeds the next layer, and is
    /// L2-normalised row by row before it joins the concatenation. Layer l of step <paramref name="step"/> draws its mask from
    /// stream 16·step + l of <paramref name="seed"/>.
    /// </remarks>
    public Tensor Propagate(Tape tape, SparseMatrix adjacency, Tensor embeddings, float dropout, int seed, long step)
    {
        var parts = new Tensor[SumWeights.Length + 1];
        parts[0] = embeddings;
        var ego = embeddings;
        for (int l = 0; l < SumWeights.Length; l++)
        {
            var side = Ops.SparseMatMul(tape, adjacency, ego);
            var sum = Ops.LeakyReLU(tape, Ops.Linear(tape, Ops.Add(tape, ego, side), SumWeights[l], SumBiases[l]), Slope);
            var product = Ops.LeakyReLU(tape, Ops.Linear(tape, Ops.Mul(tape, ego, side), ProductWeights[l], ProductBiases[l]), Slope);
            ego = Ops.Dropout(tape, Ops.Add(tape, sum, product), dropout, training: dropout > 0f, SplitMix64.Derive(seed, (step * 16) + l));
            parts[l + 1] = Ops.RowNormalize(tape, ego);
        }

        return parts.Length == 1 ? parts[0] : Ops.Concat(tape, parts);
    }

    /// <summary>
    /// The TransR loss of a batch (eq. 2): mean of −ln σ(g(h, r, t′) − g(h, r, t)) with g(h, r, t) = ‖W_r e_h + e_r − W_r e_t‖²
    /// (eq. 1), plus <paramref name="regularization"/>/2 times the mean squared norm of the projections and relation embeddings.
    /// </summary>
    public Tensor TransR(Tape tape, int[] heads, int[] relations, int[] tails, int[] negatives, float regularization)
    {
        var head = Ops.RelationMatMul(tape, Ops.EmbeddingLookup(tape, Embeddings, heads), RelationMatrices, relations);
        var tail = Ops.RelationMatMul(tape, Ops.EmbeddingLookup(tape, Embeddings, tails), RelationMatrices, relations);
        var negative = Ops.RelationMatMul(tape, Ops.EmbeddingLookup(tape, Embeddings, negatives), RelationMatrices, relations);
        var relation = Ops.EmbeddingLookup(tape, RelationEmbeddings, relations);
        var translated = Ops.Add(tape, head, relation);
        var positiveDistance = Ops.Sub(tape, translated, tail);
        var negativeDistance = Ops.Sub(tape, translated, negative);

        // BprLoss(x⁺, x⁻) = mean −ln σ(x⁺ − x⁻): the corrupted triple's distance should exceed the true one's.
        var loss = Ops.BprLoss(tape, Ops.RowDot(tape, negativeDistance, negativeDistance), Ops.RowDot(tape, positiveDistance, positiveDistance));
        float scale = regularization / (2f * heads.Length);
        var penalty = Ops.Add(
            tape,
            Ops.Add(tape, Ops.SquaredNorm(tape, head, scale), Ops.SquaredNorm(tape, relation, scale)),
            Ops.Add(tape, Ops.SquaredNorm(tape, tail, scale), Ops.SquaredNorm(tape, negative, scale)));
        return Ops.Add(tape, loss, penalty);
    }
}
