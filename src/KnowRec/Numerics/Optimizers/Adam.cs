using KnowRec.Numerics.Autodiff;

namespace KnowRec.Numerics.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1): m ← β₁m + (1−β₁)g,
/// v ← β₂v + (1−β₂)g², θ ← θ − α·m̂/(√v̂ + ε) with the bias corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
/// </summary>
/// <remarks>
/// <see cref="WeightDecay"/> adds λθ to the gradient (classic L2, coupled with the adaptive scaling). Row-sparse
/// parameters are updated lazily (see <see cref="Optimizer"/>), using the global step t in the bias correction, as
/// TensorFlow's LazyAdam does.
/// </remarks>
public sealed class Adam : Optimizer
{
    private readonly float[][] _first;
    private readonly float[][] _second;

    /// <summary>Creates the optimiser.</summary>
    /// <param name="parameters">Tensors that require a gradient.</param>
    /// <param name="learningRate">Step size α (default 0.001).</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to √v̂, positive.</param>
    /// <param name="weightDecay">L2 coefficient λ added to the gradient, not negative.</param>
    public Adam(IReadOnlyList<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        CheckDecay(beta1, nameof(beta1));
        CheckDecay(beta2, nameof(beta2));
        if (!(epsilon > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be positive.");
        }

        if (!(weightDecay >= 0f) || float.IsInfinity(weightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Weight decay must be finite and not negative.");
        }

        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        _first = [.. Parameters.Select(p => new float[p.Length])];
        _second = [.. Parameters.Select(p => new float[p.Length])];
    }

    /// <summary>Decay of the first moment β₁.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the second moment β₂.</summary>
    public float Beta2 { get; }

    /// <summary>Added to √v̂ for stability.</summary>
    public float Epsilon { get; }

    /// <summary>L2 coefficient λ added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override void Update(int index, int start, int length)
    {
        var parameter = Parameters[index];
        var theta = parameter.Data.AsSpan(start, length);
        var grad = parameter.Grad.AsSpan(start, length);
        var m = _first[index].AsSpan(start, length);
        var v = _second[index].AsSpan(start, length);

        // α_t = α·√(1−β₂ᵗ)/(1−β₁ᵗ) folds both bias corrections into the step (Kingma & Ba, Section 2, last paragraph).
        double t = Steps;
        float stepSize = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t)));
        float epsilon = Epsilon * (float)Math.Sqrt(1 - Math.Pow(Beta2, t));
        float b1 = Beta1, b2 = Beta2, decay = WeightDecay;
        for (int i = 0; i < theta.Length; i++)
        {
            float g = grad[i] + (decay * theta[i]);
            float mi = (b1 * m[i]) + ((1 - b1) * g);
            float vi = (b2 * v[i]) + ((1 - b2) * g * g);
            m[i] = mi;
            v[i] = vi;
            theta[i] -= stepSize * mi / (MathF.Sqrt(vi) + epsilon);
        }
    }

    private static void CheckDecay(float beta, string name)
    {
        if (!(beta >= 0f && beta < 1f))
        {
            throw new ArgumentOutOfRangeException(name, beta, "A moment decay must lie in [0, 1).");
        }
    }
}
