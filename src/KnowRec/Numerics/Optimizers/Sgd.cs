using System.Numerics;
using System.Runtime.InteropServices;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Numerics.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum (Polyak 1964) and Nesterov momentum (Sutskever, Martens, Dahl,
/// Hinton 2013, eq. 3–4): g = ∇ + λθ; b ← μb + g; θ ← θ − α·b, or θ ← θ − α(g + μb) with Nesterov.
/// </summary>
/// <remarks>
/// <para>
/// This is PyTorch's formulation (no dampening), which folds the learning rate out of the velocity so that changing α
/// between steps does not rescale the accumulated momentum; with b₀ = 0 its first step is plain SGD. The Nesterov form
/// g + μb is Sutskever et al.'s look-ahead rewritten in terms of the current parameters, as Bengio,
/// Boulanger-Lewandowski and Pascanu (2013, "Advances in Optimizing Recurrent Networks") do. <see cref="WeightDecay"/> λ is classic L2, added to the gradient.
/// </para>
/// <para>
/// Row-sparse parameters are updated lazily (see <see cref="Optimizer"/>): an untouched row keeps its velocity and does
/// not decay in that step. Without momentum and weight decay, lazy and dense updates are identical.
/// </para>
/// </remarks>
public sealed class Sgd : Optimizer
{
    private readonly float[][] _velocity;

    /// <summary>Creates the optimiser.</summary>
    /// <param name="parameters">Tensors that require a gradient.</param>
    /// <param name="learningRate">Step size α, positive.</param>
    /// <param name="momentum">Momentum μ in [0, 1); 0 is plain SGD and keeps no state.</param>
    /// <param name="nesterov">Use Nesterov momentum; needs a positive <paramref name="momentum"/>.</param>
    /// <param name="weightDecay">L2 coefficient λ added to the gradient, not negative.</param>
    public Sgd(IReadOnlyList<Tensor> parameters, float learningRate, float momentum = 0f, bool nesterov = false, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        RequireDecayRate(momentum, nameof(momentum));
        RequireNonNegative(weightDecay, nameof(weightDecay));
        if (nesterov && momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs a positive momentum.", nameof(nesterov));
        }

        Momentum = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
        _velocity = momentum > 0f ? [.. Parameters.Select(p => new float[p.Length])] : [];
    }

    /// <summary>Momentum μ.</summary>
    public float Momentum { get; }

    /// <summary>Whether the step uses Nesterov's look-ahead g + μb instead of b.</summary>
    public bool Nesterov { get; }

    /// <summary>L2 coefficient λ added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<float[]> StateArrays => _velocity;

    /// <inheritdoc/>
    protected override void Update(int index, int start, int length)
    {
        var parameter = Parameters[index];
        var theta = parameter.Data.AsSpan(start, length);
        var grad = parameter.Grad.AsSpan(start, length);
        var velocity = _velocity.Length > 0 ? _velocity[index].AsSpan(start, length) : default;
        float rate = LearningRate, decay = WeightDecay, mu = Momentum;
        bool momentum = mu > 0f, nesterov = Nesterov;
        int i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<float>.Count)
        {
            var vt = MemoryMarshal.Cast<float, Vector<float>>(theta);
            var vg = MemoryMarshal.Cast<float, Vector<float>>(grad);
            var vb = momentum ? MemoryMarshal.Cast<float, Vector<float>>(velocity) : default;
            var a = new Vector<float>(rate);
            var d = new Vector<float>(decay);
            var m = new Vector<float>(mu);
            for (int j = 0; j < vt.Length; j++)
            {
                var g = vg[j] + (d * vt[j]);
                if (momentum)
                {
                    var b = (m * vb[j]) + g;
                    vb[j] = b;
                    g = nesterov ? g + (m * b) : b;
                }

                vt[j] -= a * g;
            }

            i = vt.Length * Vector<float>.Count;
        }

        // Same operations in the same order as the vector loop, so every element gets the same bits on either path.
        for (; i < length; i++)
        {
            float g = grad[i] + (decay * theta[i]);
            if (momentum)
            {
                float b = (mu * velocity[i]) + g;
                velocity[i] = b;
                g = nesterov ? g + (mu * b) : b;
            }

            theta[i] -= rate * g;
        }
    }
}
