using KnowRec.Numerics.Autodiff;

namespace KnowRec.Numerics.Optimizers;

/// <summary>Updates parameters from their gradients after each backward pass.</summary>
/// <remarks>
/// A parameter whose gradient is row-sparse (<see cref="Tensor.HasSparseGradient"/>, e.g. an embedding table looked
/// up by a batch) is updated lazily: only its touched rows move, and their optimiser state advances only when they are
/// touched — the "lazy" variants of TensorFlow and PyTorch's SparseAdam — so a step costs in proportion to the batch,
/// not the catalogue. Weight decay, momentum and moment decay therefore also skip rows a step did not touch. Every other
/// parameter is updated densely. Not thread-safe; one optimiser per training loop.
/// <para>
/// An optimiser's whole state is <see cref="Steps"/>, <see cref="LearningRate"/> and the per-element arrays of
/// <see cref="StateArrays"/>; <see cref="KnowRec.Training.Checkpoint"/> saves and restores exactly these, so a resumed
/// run continues bit for bit.
/// </para>
/// </remarks>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;

    /// <summary>Creates an optimiser over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Tensors that require a gradient; each appears once.</param>
    /// <param name="learningRate">Step size, positive.</param>
    protected Optimizer(IReadOnlyList<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        if (_parameters.Distinct().Count() != _parameters.Length)
        {
            throw new ArgumentException("A parameter appears more than once.", nameof(parameters));
        }

        foreach (var parameter in _parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            if (!parameter.RequiresGrad)
            {
                throw new ArgumentException($"A parameter of shape {parameter.ShapeText} does not require a gradient.", nameof(parameters));
            }
        }

        LearningRate = learningRate;
    }

    /// <summary>The parameters, in the order given.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>Step size; a schedule may change it between steps.</summary>
    public float LearningRate
    {
        get;
        set
        {
            if (!(value > 0f) || float.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be positive and finite.");
            }

            field = value;
        }
    }

    /// <summary>Number of completed <see cref="Step"/> calls.</summary>
    public long Steps { get; private set; }

    /// <summary>The state arrays the checkpoint reads and writes in place.</summary>
    internal IReadOnlyList<float[]> State => StateArrays;

    /// <summary>
    /// The per-element state (moments, velocities, accumulators), in a fixed order; each array is written in place by
    /// <see cref="Update"/>, so a checkpoint can copy into it. Empty for a stateless optimiser.
    /// </summary>
    protected abstract IReadOnlyList<float[]> StateArrays { get; }

    /// <summary>
    /// Most threads one <see cref="Step"/> may use (default 1). Updates are element-wise, so large parameters are cut
    /// into fixed chunks updated in parallel, with results identical for any thread count.
    /// </summary>
    public int Threads
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    }

    = 1;

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        Steps++;
        BeginStep();
        for (int p = 0; p < _parameters.Length; p++)
        {
            var parameter = _parameters[p];
            if (parameter.Grad is null)
            {
                continue;
            }

            if (parameter.HasSparseGradient)
            {
                UpdateRows(p, parameter.TouchedRows, parameter.Columns);
            }
            else
            {
                UpdateRange(p, parameter.Length);
            }
        }
    }

    /// <summary>Zeroes every parameter's gradient (only the touched rows of a row-sparse one).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.ZeroGrad();
        }
    }

    // Chunks of 16384 elements (64 KB of each array) are large enough that scheduling costs little, and a multiple of
    // every vector width, so each chunk's split into vector body and scalar tail does not depend on the thread count.
    private const int Chunk = 1 << 14;

    private void UpdateRange(int index, int length)
    {
        if (Threads == 1 || length < 2 * Chunk)
        {
            Update(index, 0, length);
            return;
        }

        int chunks = (length + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Threads }, c =>
        {
            int start = c * Chunk;
            Update(index, start, Math.Min(Chunk, length - start));
        });
    }

    private void UpdateRows(int index, ReadOnlySpan<int> rows, int width)
    {
        if (Threads == 1 || (long)rows.Length * width < 2 * Chunk)
        {
            foreach (int row in rows)
            {
                Update(index, row * width, width);
            }

            return;
        }

        int[] touched = rows.ToArray();
        int perChunk = Math.Max(1, Chunk / Math.Max(1, width));
        int chunks = (touched.Length + perChunk - 1) / perChunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Threads }, c =>
        {
            int end = Math.Min(touched.Length, (c + 1) * perChunk);
            for (int r = c * perChunk; r < end; r++)
            {
                Update(index, touched[r] * width, width);
            }
        });
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and not negative (a weight decay, a momentum).</summary>
    private protected static void RequireNonNegative(float value, string name)
    {
        if (!(value >= 0f) || float.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be finite and not negative.");
        }
    }

    /// <summary>Throws unless <paramref name="beta"/> lies in [0, 1) (a moment decay).</summary>
    private protected static void RequireDecayRate(float beta, string name)
    {
        if (!(beta >= 0f && beta < 1f))
        {
            throw new ArgumentOutOfRangeException(name, beta, "A moment decay must lie in [0, 1).");
        }
    }

    /// <summary>Throws unless <paramref name="epsilon"/> is positive and finite.</summary>
    private protected static void RequirePositive(float epsilon, string name)
    {
        if (!(epsilon > 0f) || float.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(name, epsilon, "The value must be positive and finite.");
        }
    }

    /// <summary>Sets the step count when a checkpoint is restored.</summary>
    internal void RestoreSteps(long steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        Steps = steps;
    }

    /// <summary>Called once per <see cref="Step"/>, after <see cref="Steps"/> advanced and before any <see cref="Update"/>: the place to compute per-step constants.</summary>
    protected virtual void BeginStep()
    {
    }

    /// <summary>Updates elements [<paramref name="start"/>, start + <paramref name="length"/>) of parameter <paramref name="index"/> from its gradient.</summary>
    /// <remarks>
    /// May run concurrently on disjoint ranges when <see cref="Threads"/> &gt; 1, so it must touch only its range. The
    /// range is a whole parameter, a whole row, or a chunk whose start is a multiple of 16384.
    /// </remarks>
    /// <param name="index">Position of the parameter in <see cref="Parameters"/>.</param>
    /// <param name="start">First element to update.</param>
    /// <param name="length">Number of elements.</param>
    protected abstract void Update(int index, int start, int length);
}
