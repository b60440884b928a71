namespace KnowRec.Numerics.Autodiff;

/// <summary>A dense float32 tensor of rank 1 to 4, stored row-major, with an optional gradient buffer.</summary>
/// <remarks>
/// Wherever rows matter a tensor is read as a matrix of <see cref="Rows"/> (the product of every dimension but the last)
/// by <see cref="Columns"/> (the last dimension): a rank-1 tensor of length n is a single row, and a batch of sequences
/// [B, L, d] is B·L rows of d. A scalar is a rank-1 tensor of length 1. <see cref="Ops.Reshape"/> gives a view that
/// shares <see cref="Data"/>. <see cref="Grad"/> is allocated on first use by <see cref="Tape.Backward(Tensor)"/> and accumulates across
/// backward passes, so a training loop calls <see cref="ZeroGrad"/> on its parameters between steps.
/// Concurrent reads are safe; writes to <see cref="Data"/> or a backward pass need exclusive access.
/// </remarks>
public sealed class Tensor
{
    private readonly int[] _shape;

    // Sparse-row gradient tracking (see EnableSparseGradient): which rows hold a non-zero gradient.
    private bool[]? _rowTouched;
    private List<int>? _touchedRows;
    private bool _allRowsTouched;

    // The arena whose scope was open when this tensor was made; its gradient comes from there too (see TensorArena).
    private readonly TensorArena? _arena;

    private Tensor(int[] shape, float[] data, bool requiresGrad)
    {
        _shape = shape;
        Data = data;
        RequiresGrad = requiresGrad;
        _arena = TensorArena.Current;
    }

    /// <summary>The elements in row-major order.</summary>
    public float[] Data { get; }

    /// <summary>The gradient of the last loss with respect to each element, or null before any backward pass reached it.</summary>
    public float[]? Grad { get; private set; }

    /// <summary>Whether operations on this tensor are recorded so that gradients flow back to it.</summary>
    public bool RequiresGrad { get; }

    /// <summary>The size of each dimension.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of dimensions, 1 to 4.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of rows: the product of every dimension but the last (1 for a vector).</summary>
    public int Rows => RowsOf(_shape);

    /// <summary>The number of columns: the last dimension.</summary>
    public int Columns => _shape[^1];

    /// <summary>The number of elements.</summary>
    public int Length => Data.Length;

    /// <summary>
    /// Whether the gradient is tracked by rows and only some rows were written since the last <see cref="ZeroGrad"/>:
    /// then <see cref="TouchedRows"/> lists them and every other row of <see cref="Grad"/> is zero.
    /// </summary>
    public bool HasSparseGradient => _rowTouched is not null && !_allRowsTouched;

    /// <summary>The rows written since the last <see cref="ZeroGrad"/>, when <see cref="HasSparseGradient"/>; in first-touch order.</summary>
    public ReadOnlySpan<int> TouchedRows => _touchedRows is null ? default : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_touchedRows);

    /// <summary>A tensor of the given shape filled with zeros.</summary>
    /// <param name="shape">One to four non-negative dimensions.</param>
    /// <param name="requiresGrad">Whether gradients should flow back to the tensor.</param>
    public static Tensor Zeros(int[] shape, bool requiresGrad = false)
    {
        int length = CheckShape(shape);
        return new Tensor((int[])shape.Clone(), NewArray(length), requiresGrad);
    }

    /// <summary>A tensor over a copy of <paramref name="data"/>, read row-major into <paramref name="shape"/>.</summary>
    /// <param name="data">The elements; its length must equal the product of the dimensions.</param>
    /// <param name="shape">One to four non-negative dimensions.</param>
    /// <param name="requiresGrad">Whether gradients should flow back to the tensor.</param>
    public static Tensor FromArray(float[] data, int[] shape, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        int length = CheckShape(shape);
        if (data.Length != length)
        {
            throw new ArgumentException($"Data has {data.Length} elements but the shape needs {length}.", nameof(data));
        }

        var copy = NewArray(length);
        data.CopyTo(copy, 0);
        return new Tensor((int[])shape.Clone(), copy, requiresGrad);
    }

    /// <summary>A tensor with independent normal samples (Box–Muller), reproducible from <paramref name="random"/>.</summary>
    /// <param name="shape">One to four non-negative dimensions.</param>
    /// <param name="mean">Mean of the distribution.</param>
    /// <param name="standardDeviation">Standard deviation of the distribution, not negative.</param>
    /// <param name="random">Source of randomness; a seeded <see cref="Random"/> gives the same tensor every run.</param>
    /// <param name="requiresGrad">Whether gradients should flow back to the tensor.</param>
    public static Tensor Normal(int[] shape, float mean, float standardDeviation, Random random, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        var tensor = Zeros(shape, requiresGrad);
        var data = tensor.Data;
        for (int i = 0; i < data.Length; i++)
        {
            // 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            data[i] = (float)(mean + (standardDeviation * z));
        }

        return tensor;
    }

    /// <summary>A tensor with independent samples uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="shape">One to four non-negative dimensions.</param>
    /// <param name="low">Inclusive lower bound.</param>
    /// <param name="high">Exclusive upper bound, not below <paramref name="low"/>.</param>
    /// <param name="random">Source of randomness; a seeded <see cref="Random"/> gives the same tensor every run.</param>
    /// <param name="requiresGrad">Whether gradients should flow back to the tensor.</param>
    public static Tensor Uniform(int[] shape, float low, float high, Random random, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low);
        var tensor = Zeros(shape, requiresGrad);
        var data = tensor.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)(low + ((high - (double)low) * random.NextDouble()));
        }

        return tensor;
    }

    /// <summary>
    /// Tracks which rows receive a gradient, so that <see cref="ZeroGrad"/> and optimisers touch only those rows: an
    /// embedding table looked up a few rows at a time then costs per step in proportion to the batch, not the table.
    /// </summary>
    /// <returns>This tensor.</returns>
    /// <remarks>Call once, before training. An operation that writes the whole gradient (e.g. a product with the full table) marks every row.</remarks>
    public Tensor EnableSparseGradient()
    {
        _rowTouched ??= new bool[Rows];
        _touchedRows ??= [];
        return this;
    }

    /// <summary>Sets every gradient element to zero, so the next backward pass does not add to the previous one.</summary>
    public void ZeroGrad()
    {
        if (Grad is not null)
        {
            if (HasSparseGradient)
            {
                int columns = Columns;
                foreach (int row in TouchedRows)
                {
                    Array.Clear(Grad, row * columns, columns);
                }
            }
            else
            {
                Array.Clear(Grad);
            }
        }

        if (_rowTouched is not null)
        {
            foreach (int row in TouchedRows)
            {
                _rowTouched[row] = false;
            }

            _touchedRows!.Clear();
            _allRowsTouched = false;
        }
    }

    /// <summary>The gradient buffer, allocated as zeros on first use; a row-tracked tensor counts every row as written.</summary>
    internal float[] EnsureGrad()
    {
        _allRowsTouched = true;
        return Grad ??= NewGradient();
    }

    /// <summary>The gradient buffer, recording that only <paramref name="rows"/> will be written.</summary>
    internal float[] EnsureGradRows(ReadOnlySpan<int> rows)
    {
        if (_rowTouched is { } touched && !_allRowsTouched)
        {
            foreach (int row in rows)
            {
                if (!touched[row])
                {
                    touched[row] = true;
                    _touchedRows!.Add(row);
                }
            }
        }

        return Grad ??= NewGradient();
    }

    /// <summary>A tensor of another shape over the same <see cref="Data"/> array (no copy).</summary>
    internal static Tensor View(Tensor source, int[] shape, bool requiresGrad)
    {
        int length = CheckShape(shape);
        if (length != source.Length)
        {
            throw new ArgumentException($"Cannot view {source.ShapeText} ({source.Length} elements) as [{string.Join(", ", shape)}] ({length}).", nameof(shape));
        }

        return new Tensor((int[])shape.Clone(), source.Data, requiresGrad);
    }

    /// <summary>Whether the shape equals <paramref name="other"/>'s.</summary>
    internal bool SameShape(Tensor other) => _shape.AsSpan().SequenceEqual(other._shape);

    /// <summary>The shape as text, for error messages.</summary>
    internal string ShapeText => "[" + string.Join(", ", _shape) + "]";

    // From the open arena scope, if any; a tensor made outside a scope (a parameter) never takes from one.
    private static float[] NewArray(int length) => TensorArena.Allocate(length);

    private float[] NewGradient() =>
        _arena is not null && ReferenceEquals(_arena, TensorArena.Current) ? _arena.Rent(Data.Length) : new float[Data.Length];

    private static int CheckShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length is < 1 or > 4)
        {
            throw new ArgumentException($"Rank must be 1 to 4, not {shape.Length}.", nameof(shape));
        }

        long length = 1;
        foreach (int dimension in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(shape));
            length *= dimension;
        }

        if (length > Array.MaxLength)
        {
            throw new ArgumentException($"Shape holds {length} elements, more than an array can.", nameof(shape));
        }

        return (int)length;
    }

    private static int RowsOf(int[] shape)
    {
        int rows = 1;
        for (int d = 0; d < shape.Length - 1; d++)
        {
            rows *= shape[d];
        }

        return rows;
    }
}
