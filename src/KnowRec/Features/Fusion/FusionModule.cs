using KnowRec.Numerics.Autodiff;

namespace KnowRec.Features.Fusion;

/// <summary>
/// Fuses S per-item vector sources (modalities) into one d-dimensional vector on the autodiff tape. Every source s first
/// has its own projection p_s = e_s·P_s + b_s into the fused space (P_s is [d_s, d]); a subclass then combines the
/// projections. Sources an item lacks are masked: their projection is set to exactly zero and each subclass leaves
/// them out (or, for <see cref="ConcatFusion"/>, puts a learned "missing" vector in their place), so a zero row is
/// never read as a real vector.
/// </summary>
/// <remarks>
/// The mask is row-major [rows × S]: <c>present[r·S + s]</c> says whether row r has source s. Projections are
/// Glorot-initialised from the given random source in source order, then each subclass draws its own parameters, so a
/// seed fixes the module. Results do not depend on the tape's thread count (every op has a fixed work partition).
/// </remarks>
public abstract class FusionModule
{
    private readonly Tensor[] _weights;
    private readonly Tensor[] _biases;

    /// <summary>Creates the per-source projections.</summary>
    /// <param name="sourceDimensions">d_s of every source, in the order <see cref="Forward"/> takes them; at least one.</param>
    /// <param name="dimension">d, the fused width.</param>
    /// <param name="random">Source of the initial values.</param>
    protected FusionModule(IReadOnlyList<int> sourceDimensions, int dimension, Random random)
    {
        ArgumentNullException.ThrowIfNull(sourceDimensions);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (sourceDimensions.Count == 0 || sourceDimensions.Any(d => d < 1))
        {
            throw new ArgumentException($"Fusion needs at least one source, each at least 1 wide; got [{string.Join(", ", sourceDimensions)}].", nameof(sourceDimensions));
        }

        SourceDimensions = [.. sourceDimensions];
        Dimension = dimension;
        _weights = [.. sourceDimensions.Select(d => Init.XavierUniform([d, dimension], random))];
        _biases = [.. sourceDimensions.Select(_ => Init.Zeros([dimension]))];
    }

    /// <summary>d, the width of the fused vector.</summary>
    public int Dimension { get; }

    /// <summary>d_s of every source.</summary>
    public IReadOnlyList<int> SourceDimensions { get; }

    /// <summary>Number of sources S.</summary>
    public int Sources => SourceDimensions.Count;

    /// <summary>Every trainable tensor: the projections (P_s, b_s for each s), then the module's own.</summary>
    public IReadOnlyList<Tensor> Parameters => [.. _weights.Zip(_biases).SelectMany(p => new[] { p.First, p.Second }), .. OwnParameters];

    /// <summary>The module's parameters beyond the projections.</summary>
    protected abstract IReadOnlyList<Tensor> OwnParameters { get; }

    /// <summary>P_s, [d_s, d].</summary>
    public Tensor ProjectionWeight(int source) => _weights[source];

    /// <summary>b_s, [d].</summary>
    public Tensor ProjectionBias(int source) => _biases[source];

    /// <summary>Creates a module of <paramref name="kind"/>.</summary>
    public static FusionModule Create(FusionKind kind, IReadOnlyList<int> sourceDimensions, int dimension, Random random) => kind switch
    {
        FusionKind.Concat => new ConcatFusion(sourceDimensions, dimension, random),
        FusionKind.Weighted => new WeightedFusion(sourceDimensions, dimension, random),
        FusionKind.Attention => new AttentionFusion(sourceDimensions, dimension, random),
        FusionKind.Gated => new GatedFusion(sourceDimensions, dimension, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fusion kind."),
    };

    /// <summary>The fused vectors [rows, d] of a batch.</summary>
    /// <param name="tape">Where the backward steps are recorded.</param>
    /// <param name="sources">One [rows, d_s] tensor per source, in <see cref="SourceDimensions"/> order.</param>
    /// <param name="present">[rows × S], true where row r has source s; rows of absent sources are ignored whatever they hold.</param>
    /// <exception cref="ArgumentException">The shapes do not match the module.</exception>
    public Tensor Forward(Tape tape, IReadOnlyList<Tensor> sources, bool[] present)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(present);
        if (sources.Count != Sources)
        {
            throw new ArgumentException($"The module fuses {Sources} sources, got {sources.Count}.", nameof(sources));
        }

        int rows = sources[0].Rows;
        for (int s = 0; s < Sources; s++)
        {
            if (sources[s].Rank != 2 || sources[s].Rows != rows || sources[s].Columns != SourceDimensions[s] || rows == 0)
            {
                throw new ArgumentException($"Source {s} must be [{rows}, {SourceDimensions[s]}] with at least one row, got {sources[s].ShapeText}.", nameof(sources));
            }
        }

        if (present.Length != rows * Sources)
        {
            throw new ArgumentException($"The mask needs {rows} × {Sources} entries, got {present.Length}.", nameof(present));
        }

        var projections = new Tensor[Sources];
        for (int s = 0; s < Sources; s++)
        {
            projections[s] = Ops.Mul(tape, Ops.Linear(tape, sources[s], _weights[s], _biases[s]), Column(present, Sources, s, Dimension, true));
        }

        return Combine(tape, projections, present, rows);
    }

    /// <summary>Combines the masked projections (absent rows exactly zero) into [rows, d].</summary>
    protected abstract Tensor Combine(Tape tape, Tensor[] projections, bool[] present, int rows);

    /// <summary>A constant [rows, width] tensor whose row r is all 1 where source s's presence equals <paramref name="when"/>, else all 0.</summary>
    protected static Tensor Column(bool[] present, int sources, int source, int width, bool when)
    {
        ArgumentNullException.ThrowIfNull(present);
        int rows = present.Length / sources;
        var values = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            if (present[(r * sources) + source] == when)
            {
                values.AsSpan(r * width, width).Fill(1f);
            }
        }

        return Tensor.FromArray(values, [rows, width]);
    }

    /// <summary>Σ_s α[r, s]·p_s[r] as [rows, d] for weights α of [rows, 1, S'] over the given projections.</summary>
    protected static Tensor Mix(Tape tape, Tensor weights, IReadOnlyList<Tensor> projections)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(projections);
        int rows = projections[0].Rows, width = projections[0].Columns;
        var stacked = Ops.Reshape(tape, Ops.Concat(tape, [.. projections]), [rows, projections.Count, width]);
        return Ops.Reshape(tape, Ops.BatchedMatMul(tape, weights, stacked), [rows, width]);
    }

    /// <summary>The key padding mask of <see cref="Ops.MaskedSoftmax"/> (true = leave out) for the sources present.</summary>
    protected static bool[] Absent(bool[] present)
    {
        ArgumentNullException.ThrowIfNull(present);
        return [.. present.Select(p => !p)];
    }
}
