using KnowRec.Numerics.Autodiff;

namespace KnowRec.Numerics.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1): m ← β₁m + (1−β₁)g,
/// v ← β₂v + (1−β₂)g², θ ← θ − α·m̂/(√v̂ + ε) with the bias corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
/// </summary>
/// <remarks>
/// <see cref="WeightDecay"/> adds λθ to the gradient (classic L2, coupled with the adaptive scaling). Row-sparse
/// parameters are updated lazily (see <see cref="Optimizer"/>), using the global step t in the bias correction, as
/// TensorFlow's LazyAdam does. For weight decay decoupled from the adaptive scaling use <see cref="AdamW"/>.
/// </remarks>
public sealed class Adam : Optimizer
{
    private readonly float[][] _first;
    private readonly float[][] _second;
    private float _step;
    private float _epsilon;

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
        RequireDecayRate(beta1, nameof(beta1));
        RequireDecayRate(beta2, nameof(beta2));
        RequirePositive(epsilon, nameof(epsilon));
        RequireNonNegative(weightDecay, nameof(weightDecay));
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
    protected override IReadOnlyList<float[]> StateArrays => [.. _first, .. _second];

    /// <inheritdoc/>
    protected override void BeginStep() => (_step, _epsilon) = AdamKernel.Corrected(LearningRate, Beta1, Beta2, Epsilon, Steps);

    /// <inheritdoc/>
    protected override void Update(int index, int start, int length)
    {
        var parameter = Parameters[index];
        AdamKernel.Apply(
            parameter.Data.AsSpan(start, length),
            parameter.Grad.AsSpan(start, length),
            _first[index].AsSpan(start, length),
            _second[index].AsSpan(start, length),
            Beta1,
            Beta2,
            _step,
            _epsilon,
            WeightDecay,
            keep: 1f);
    }
}
