using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Sequential;

/// <summary>
/// The SASRec encoder (Kang &amp; McAuley 2018, Section III-A to III-C): item embeddings scaled by √d plus learned
/// position embeddings, then b blocks of causal self-attention and a point-wise feed-forward network, each wrapped in
/// layer norm, dropout and a residual connection, and a final layer norm.
/// </summary>
/// <remarks>
/// The block follows the authors' code rather than the paper's eq. 4 where they differ, as the PyTorch port does: the
/// attention's queries are the layer-normed input while its keys and values are the raw input, and each residual adds
/// the layer-normed input of its sub-layer. Histories are right-aligned in windows of n slots, so the latest item always
/// sits at slot n − 1; empty slots on the left are masked as keys, so they influence no real position, and their own
/// outputs are never read.
/// </remarks>
internal sealed class SasRecNetwork
{
    // The authors' code uses ε = 1e-8 in every layer norm.
    private const float Epsilon = 1e-8f;

    private readonly Tensor _embeddingScale;
    private readonly Block[] _blocks;
    private readonly Tensor _finalGain;
    private readonly Tensor _finalBias;

    /// <summary>Creates randomly initialised weights: Glorot-normal matrices and embeddings (as the PyTorch port), zero biases, unit gains.</summary>
    public SasRecNetwork(int items, SasRecOptions options, System.Random random)
    {
        Options = options;
        int d = options.Factors;
        ItemEmbedding = Init.XavierNormal([items, d], random);
        PositionEmbedding = Init.XavierNormal([options.MaxLength, d], random);
        _embeddingScale = Tensor.FromArray(Enumerable.Repeat(MathF.Sqrt(d), d).ToArray(), [d]);
        _blocks = new Block[options.Blocks];
        for (int b = 0; b < _blocks.Length; b++)
        {
            _blocks[b] = new Block(
                Init.Ones([d]), Init.Zeros([d]), AttentionWeights.Create(d, options.Heads, outputProjection: false, random),
                Init.Ones([d]), Init.Zeros([d]), Init.XavierNormal([d, d], random), Init.Zeros([d]), Init.XavierNormal([d, d], random), Init.Zeros([d]));
        }

        _finalGain = Init.Ones([d]);
        _finalBias = Init.Zeros([d]);
    }

    /// <summary>The options the network was built with.</summary>
    public SasRecOptions Options { get; }

    /// <summary>Item embeddings M [items, d], shared by the input and the prediction layer (Section III-D).</summary>
    public Tensor ItemEmbedding { get; }

    /// <summary>Learned position embeddings P [n, d] (Section III-A).</summary>
    public Tensor PositionEmbedding { get; }

    /// <summary>Every trainable tensor.</summary>
    public IReadOnlyList<Tensor> Parameters =>
        [ItemEmbedding, PositionEmbedding, .. _blocks.SelectMany(b => b.Parameters), _finalGain, _finalBias];

    /// <summary>The outputs F at every slot of <paramref name="batch"/> windows of n items: [batch · n, d].</summary>
    /// <param name="tape">Where the steps are recorded.</param>
    /// <param name="inputs">batch × n item indices, right-aligned; any valid index in padded slots.</param>
    /// <param name="padding">batch × n flags, true for empty slots.</param>
    /// <param name="batch">Number of windows.</param>
    /// <param name="seed">Seed of this pass's dropout masks, or null for inference (no dropout).</param>
    public Tensor Encode(Tape tape, int[] inputs, bool[] padding, int batch, ulong? seed)
    {
        int n = Options.MaxLength, d = Options.Factors;
        bool training = seed is not null;
        float rate = Options.Dropout;

        // Each dropout call draws its mask from its own seed, taken in call order from one stream.
        var seeds = new SplitMix64(seed ?? 0);
        ulong NextSeed() => seeds.Next();

        var positions = new int[batch * n];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = i % n;
        }

        // Ê = M_s · √d + P (eq. 1 with the authors' √d scaling), then dropout.
        var x = Ops.Mul(tape, Ops.EmbeddingLookup(tape, ItemEmbedding, inputs), _embeddingScale);
        x = Ops.Add(tape, x, Ops.EmbeddingLookup(tape, PositionEmbedding, positions));
        x = Ops.Reshape(tape, Ops.Dropout(tape, x, rate, training, NextSeed()), [batch, n, d]);
        foreach (var block in _blocks)
        {
            // Self-attention sub-layer (eq. 2, causal as Section III-B), residual from the normed queries.
            var queries = Ops.LayerNorm(tape, x, block.AttentionGain, block.AttentionBias, Epsilon);
            var attended = Ops.MultiHeadAttention(tape, queries, x, block.Attention, causal: true, padding, training ? rate : 0f, NextSeed());
            x = Ops.Add(tape, queries, attended);

            // Point-wise feed-forward sub-layer (eq. 3): ReLU(x W1 + b1) W2 + b2, dropout after each layer.
            var normed = Ops.LayerNorm(tape, x, block.FeedForwardGain, block.FeedForwardBias, Epsilon);
            var hidden = Ops.ReLU(tape, Ops.Dropout(tape, Ops.Linear(tape, normed, block.Inner, block.InnerBias), rate, training, NextSeed()));
            var projected = Ops.Dropout(tape, Ops.Linear(tape, hidden, block.Outer, block.OuterBias), rate, training, NextSeed());
            x = Ops.Add(tape, normed, projected);
        }

        return Ops.Reshape(tape, Ops.LayerNorm(tape, x, _finalGain, _finalBias, Epsilon), [batch * n, d]);
    }

    private sealed record Block(
        Tensor AttentionGain, Tensor AttentionBias, AttentionWeights Attention,
        Tensor FeedForwardGain, Tensor FeedForwardBias, Tensor Inner, Tensor InnerBias, Tensor Outer, Tensor OuterBias)
    {
        public IEnumerable<Tensor> Parameters =>
            [AttentionGain, AttentionBias, .. Attention.Parameters, FeedForwardGain, FeedForwardBias, Inner, InnerBias, Outer, OuterBias];
    }
}
