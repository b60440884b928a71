namespace KnowRec.Numerics.Autodiff;

/// <summary>A dense float32 tensor of rank 1 or 2, stored row-major, with an optional gradient buffer.</summary>
/// <remarks>
/// A rank-1 tensor of length n behaves as a single row (1 × n) wherever rows matter; a scalar is a rank-1 tensor of
/// length 1. <see cref="Grad"/> is allocated on first use by <see cref="Tape.Backward(Tensor)"/> and accumulates across
/// backward passes, so a training loop calls <see cref="ZeroGrad"/> on its parameters between steps.
/// Concurrent reads are safe; writes to <see cref="Data"/> or a backward pass need exclusive access.
/// </remarks>
public sealed class Tensor
{
    private readonly int[] _shape;

    private Tensor(int[] shape, float[] data, bool requiresGrad)
    {
        _shape = shape;
        Data = data;
        RequiresGrad = requiresGrad;
    }

    /// <summary>The elements in row-major order.</summary>
    public float[] Data { get; }

    /// <summary>The gradient of the last loss with respect to each element, or null before any backward pass reached it.</summary>
    public float[]? Grad { get; private set; }

    /// <summary>Whether operations on this tensor are recorded so that gradients flow back to it.</summary>
    public bool RequiresGrad { get; }

    /// <summary>The size of each dimension.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of dimensions, 1 or 2.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of rows: the first dimension of a matrix, 1 for a vector.</summary>
    public int Rows => _shape.Length == 2 ? _shape[0] : 1;

    /// <summary>The number of columns: the last dimension.</summary>
    public int Columns => _shape[^1];

    /// <summary>The number of elements.</summary>
    public int Length => Data.Length;

    /// <summary>A tensor of the given shape filled with zeros.</summary>
    /// <param name="shape">One or two non-negative dimensions.</param>
    /// <param name="requiresGrad">Whether gradients should flow back to the tensor.</param>
    public static Tensor Zeros(int[] shape, bool requiresGrad = false)
    {
        int length = CheckShape(shape);
        return new Tensor((int[])shape.Clone(), new float[length], requiresGrad);
    }

    /// <summary>A tensor over a copy of <paramref name="data"/>, read row-major into <paramref name="shape"/>.</summary>
    /// <param name="data">The elements; its length must equal the product of the dimensions.</param>
    /// <param name="shape">One or two non-negative dimensions.</param>
    /// <param name="requiresGrad">Whether gradients should flow back to the tensor.</param>
    public static Tensor FromArray(float[] data, int[] shape, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        int length = CheckShape(shape);
        if (data.Length != length)
        {
            throw new ArgumentException($"Data has {data.Length} elements but the shape needs {length}.", nameof(data));
        }

        return new Tensor((int[])shape.Clone(), (float[])data.Clone(), requiresGrad);
    }

    /// <summary>A tensor with independent normal samples (Box–Muller), reproducible from <paramref name="random"/>.</summary>
    /// <param name="shape">One or two non-negative dimensions.</param>
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
    /// <param name="shape">One or two non-negative dimensions.</param>
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

    /// <summary>Sets every gradient element to zero, so the next backward pass does not add to the previous one.</summary>
    public void ZeroGrad()
    {
        if (Grad is not null)
        {
            Array.Clear(Grad);
        }
    }

    /// <summary>The gradient buffer, allocated as zeros on first use.</summary>
    internal float[] EnsureGrad() => Grad ??= new float[Data.Length];

    /// <summary>Whether the shape equals <paramref name="other"/>'s.</summary>
    internal bool SameShape(Tensor other) => _shape.AsSpan().SequenceEqual(other._shape);

    /// <summary>The shape as text, for error messages.</summary>
    internal string ShapeText => "[" + string.Join(", ", _shape) + "]";

    private static int CheckShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length is < 1 or > 2)
        {
            throw new ArgumentException($"Rank must be 1 or 2, not {shape.Length}.", nameof(shape));
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
}
