using KnowRec.Features;
using KnowRec.Features.Fusion;
using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Hybrid;

/// <summary>
/// The item tower of <see cref="HybridModel"/> on the tape: the id embedding (source 0) and every item vector source,
/// each projected and fused (<see cref="FusionModule"/>), then an optional ReLU layer: g(i) = W₂·ReLU(W₁·ẑ_i + b₁) + b₂,
/// or g(i) = ẑ_i without a hidden layer.
/// </summary>
/// <remarks>
/// The id is masked, not replaced, where it is dropped out in training or where the item has no training interactions
/// (a cold item): the fusion then sees only the item's modalities. The id table keeps the "no id" row of
/// <see cref="Tower"/> so the shared trainer can mark a dropped id; that row is always masked.
/// </remarks>
internal sealed class HybridItemTower
{
    private readonly ItemVectors[] _sources;
    private readonly Tensor[] _tables;

    public HybridItemTower(int items, int factors, int hidden, FusionKind fusion, IReadOnlyList<ItemVectors> sources, System.Random random)
    {
        _sources = [.. sources];
        _tables = [.. sources.Select(s => Tensor.FromArray(s.Vectors.Values.ToArray(), [s.Vectors.Rows, s.Dimension]))];
        Ids = Init.Normal([items + 1, factors], 0.1f, random).EnableSparseGradient();
        Fusion = FusionModule.Create(fusion, [factors, .. sources.Select(s => s.Dimension)], factors, random);
        if (hidden > 0)
        {
            First = new DenseLayer(factors, hidden, random);
            Output = new DenseLayer(hidden, factors, random);
        }
    }

    /// <summary>The id table, [items + 1, d]; the last row stands for "no id" and is always masked.</summary>
    public Tensor Ids { get; }

    /// <summary>The "no id" row.</summary>
    public int UnknownRow => Ids.Rows - 1;

    /// <summary>The fusion of id and sources.</summary>
    public FusionModule Fusion { get; }

    private DenseLayer? First { get; }

    private DenseLayer? Output { get; }

    /// <summary>Every trainable tensor.</summary>
    public IReadOnlyList<Tensor> Parameters =>
        [Ids, .. Fusion.Parameters, .. First is null ? Array.Empty<Tensor>() : [First.Weight, First.Bias, Output!.Weight, Output.Bias]];

    /// <summary>g(i) for a batch, [items.Length, d]: id rows after dropout (the "no id" row masks the id) and the true item indices.</summary>
    public Tensor Forward(Tape tape, int[] idRows, int[] items)
    {
        int count = 1 + _sources.Length, rows = items.Length;
        var inputs = new Tensor[count];
        var present = new bool[rows * count];
        inputs[0] = Ops.EmbeddingLookup(tape, Ids, idRows);
        for (int s = 0; s < _sources.Length; s++)
        {
            inputs[s + 1] = Ops.EmbeddingLookup(tape, _tables[s], items);
        }

        for (int r = 0; r < rows; r++)
        {
            present[r * count] = idRows[r] != UnknownRow;
            for (int s = 0; s < _sources.Length; s++)
            {
                present[(r * count) + s + 1] = _sources[s].IsPresent(items[r]);
            }
        }

        var fused = Fusion.Forward(tape, inputs, present);
        return First is null ? fused : Output!.Forward(tape, Ops.ReLU(tape, First.Forward(tape, fused)));
    }

    /// <summary>g(i) for every item, as plain values: the id where <paramref name="known"/>(i), else the modalities alone.</summary>
    public float[] EmbedAll(int items, Func<int, bool> known, int threads)
    {
        int d = Ids.Columns;
        var vectors = new float[items * d];
        const int Batch = 1024;
        for (int start = 0; start < items; start += Batch)
        {
            int count = Math.Min(Batch, items - start);
            var indices = Enumerable.Range(start, count).ToArray();
            var rows = indices.Select(i => known(i) ? i : UnknownRow).ToArray();

            // A throwaway tape: the pass is never differentiated.
            var output = Forward(new Tape { Threads = threads }, rows, indices);
            output.Data.AsSpan(0, count * d).CopyTo(vectors.AsSpan(start * d));
        }

        return vectors;
    }
}
