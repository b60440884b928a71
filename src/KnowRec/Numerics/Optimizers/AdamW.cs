using KnowRec.Numerics.Autodiff;

namespace KnowRec.Numerics.Optimizers;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization", Algorithm 2): the Adam moments of the
/// plain gradient g, and a weight decay applied to θ directly, θ ← θ − α(λθ + m̂/(√v̂ + ε)), rather than added to g.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm 2 line 12 multiplies both terms by the schedule multiplier η_t; here the current
/// <see cref="Optimizer.LearningRate"/> α plays that part, so λ is measured per unit step as in PyTorch's AdamW
/// (θ ← θ(1 − αλ) before the Adam step). Because the decay does not pass through 1/√v̂, every weight shrinks at the
/// same relative rate, which is the point of the paper: with Adam's coupled L2 (<see cref="Adam"/>'s weight decay),
/// weights with large gradients are regularised less.
/// </para>
/// <para>
/// Row-sparse parameters are updated lazily (see <see cref="Optimizer"/>): an untouched row neither moves nor decays in
/// that step, and the bias correction uses the global step t.
/// </para>
/// </remarks>
public sealed class AdamW : Optimizer
{
    private readonly float[][] _first;
    private readonly float[][] _second;
    private float _step;
    private float _epsilon;
    private float _keep;

    /// <summary>Creates the optimiser.</summary>
    /// <param name="parameters">Tensors that require a gradient.</param>
    /// <param name="learningRate">Step size α (default 0.001).</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to √v̂, positive.</param>
    /// <param name="weightDecay">Decoupled decay λ, not negative (default 0.01, PyTorch's).</param>
    public AdamW(IReadOnlyList<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
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

    /// <summary>Decoupled weight decay λ: each step multiplies θ by 1 − αλ.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<float[]> StateArrays => [.. _first, .. _second];

    /// <inheritdoc/>
    protected override void BeginStep()
    {
        (_step, _epsilon) = AdamKernel.Corrected(LearningRate, Beta1, Beta2, Epsilon, Steps);
        _keep = 1f - (LearningRate * WeightDecay);
    }

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
            coupled: 0f,
            _keep);
    }
}
