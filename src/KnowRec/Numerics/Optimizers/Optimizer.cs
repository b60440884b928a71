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
                int width = parameter.Columns;
                foreach (int row in parameter.TouchedRows)
                {
                    Update(p, row * width, width);
                }
            }
            else
            {
                Update(p, 0, parameter.Length);
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
    /// <param name="index">Position of the parameter in <see cref="Parameters"/>.</param>
    /// <param name="start">First element to update.</param>
    /// <param name="length">Number of elements.</param>
    protected abstract void Update(int index, int start, int length);
}
