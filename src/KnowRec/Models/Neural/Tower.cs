using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Neural;

/// <summary>One tower of <see cref="TwoTowerModel"/> on the tape: an id embedding and an optional feature vector mapped to ℝᵈ.</summary>
/// <remarks>
/// out = W₂·ReLU(W₁·[e_id; x] + b₁) + b₂ with a hidden layer, or W₁·[e_id; x] + b₁ without. There is no concatenation op,
/// so W₁·[e; x] is written exactly as W_e·e + W_x·x, the two row blocks of one Glorot-initialised W₁. The id table has
/// one extra row, <see cref="UnknownRow"/>, that stands for "no id": it starts at zero, is used during training in place
/// of a dropped-out id, and at scoring time for users and items without training interactions, so those are scored
/// from their features.
/// </remarks>
internal sealed class Tower
{
    public Tower(int count, int factors, int features, int hidden, System.Random random)
    {
        int first = hidden > 0 ? hidden : factors;
        Ids = Init.Normal([count + 1, factors], 0.1f, random).EnableSparseGradient();
        Array.Clear(Ids.Data, count * factors, factors);
        var weight = Init.XavierUniform([factors + features, first], random);
        IdWeight = Rows(weight, 0, factors);
        FeatureWeight = features > 0 ? Rows(weight, factors, features) : null;
        FirstBias = Init.Zeros([first]);
        Output = hidden > 0 ? new DenseLayer(hidden, factors, random) : null;
        Factors = factors;
        Features = features;
        Hidden = hidden;
    }

    /// <summary>The id table, [count + 1, d]; the last row is <see cref="UnknownRow"/>.</summary>
    public Tensor Ids { get; }

    /// <summary>The index of the "no id" row.</summary>
    public int UnknownRow => Ids.Rows - 1;

    /// <summary>Rows of W₁ that multiply the id embedding.</summary>
    public Tensor IdWeight { get; }

    /// <summary>Rows of W₁ that multiply the feature vector, or null without features.</summary>
    public Tensor? FeatureWeight { get; }

    /// <summary>b₁.</summary>
    public Tensor FirstBias { get; }

    /// <summary>The output layer after the hidden ReLU layer, or null for a one-layer tower.</summary>
    public DenseLayer? Output { get; }

    /// <summary>Output size d (also the id embedding size).</summary>
    public int Factors { get; }

    /// <summary>Feature vector length (0 without features).</summary>
    public int Features { get; }

    /// <summary>Hidden width (0 for a one-layer tower).</summary>
    public int Hidden { get; }

    /// <summary>Every trainable tensor, in save order (see <see cref="TowerWeights"/>).</summary>
    public IReadOnlyList<Tensor> Parameters =>
        [Ids, IdWeight, .. FeatureWeight is null ? Array.Empty<Tensor>() : [FeatureWeight], FirstBias, .. Output is null ? Array.Empty<Tensor>() : [Output.Weight, Output.Bias]];

    /// <summary>The tower's outputs for a batch, [ids.Length, d]; <paramref name="features"/> is [ids.Length, F] or null.</summary>
    public Tensor Forward(Tape tape, int[] ids, Tensor? features)
    {
        var h = Ops.MatMul(tape, Ops.EmbeddingLookup(tape, Ids, ids), IdWeight, tape.Threads);
        if (FeatureWeight is not null && features is not null)
        {
            h = Ops.Add(tape, h, Ops.MatMul(tape, features, FeatureWeight, tape.Threads));
        }

        h = Ops.Add(tape, h, FirstBias);
        return Output is null ? h : Output.Forward(tape, Ops.ReLU(tape, h));
    }

    /// <summary>The trained values as plain arrays for scoring.</summary>
    public TowerWeights Export() => new([.. Parameters.Select(p => (float[])p.Data.Clone())], Factors, Features, Hidden);

    private static Tensor Rows(Tensor source, int first, int count)
    {
        int columns = source.Columns;
        return Tensor.FromArray(source.Data[(first * columns)..((first + count) * columns)], [count, columns], requiresGrad: true);
    }
}
