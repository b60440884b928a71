using System.Numerics;
using System.Runtime.InteropServices;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Numerics.Optimizers;

/// <summary>
/// Adagrad (Duchi, Hazan, Singer 2011, "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization",
/// the diagonal update of Section 1): G ← G + g², θ ← θ − α·g/(√G + ε), so coordinates with a history of large gradients
/// take smaller steps and rare features (cold embedding rows) keep large ones.
/// </summary>
/// <remarks>
/// <para>
/// g = ∇ + λθ with <see cref="WeightDecay"/> λ (classic L2). G starts at <see cref="InitialAccumulator"/>; ε is added
/// outside the root, as PyTorch does. A learning-rate decay, if wanted, is a schedule on
/// <see cref="Optimizer.LearningRate"/>.
/// </para>
/// <para>
/// Row-sparse parameters are updated lazily (see <see cref="Optimizer"/>). Adagrad's update of a zero gradient is zero,
/// so without weight decay the lazy update is exactly the dense one, which is why Adagrad suits embedding tables.
/// </para>
/// </remarks>
public sealed class Adagrad : Optimizer
{
    private readonly float[][] _accumulator;

    /// <summary>Creates the optimiser.</summary>
    /// <param name="parameters">Tensors that require a gradient.</param>
    /// <param name="learningRate">Step size α (default 0.01, PyTorch's).</param>
    /// <param name="epsilon">Added to √G, positive (default 1e-10).</param>
    /// <param name="weightDecay">L2 coefficient λ added to the gradient, not negative.</param>
    /// <param name="initialAccumulator">Starting value of G, not negative (default 0).</param>
    public Adagrad(IReadOnlyList<Tensor> parameters, float learningRate = 0.01f, float epsilon = 1e-10f, float weightDecay = 0f, float initialAccumulator = 0f)
        : base(parameters, learningRate)
    {
        RequirePositive(epsilon, nameof(epsilon));
        RequireNonNegative(weightDecay, nameof(weightDecay));
        RequireNonNegative(initialAccumulator, nameof(initialAccumulator));
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        InitialAccumulator = initialAccumulator;
        _accumulator = [.. Parameters.Select(p => Enumerable.Repeat(initialAccumulator, p.Length).ToArray())];
    }

    /// <summary>Added to √G for stability.</summary>
    public float Epsilon { get; }

    /// <summary>L2 coefficient λ added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>Starting value of every squared-gradient sum G.</summary>
    public float InitialAccumulator { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<float[]> StateArrays => _accumulator;

    /// <inheritdoc/>
    protected override void Update(int index, int start, int length)
    {
        var parameter = Parameters[index];
        var theta = parameter.Data.AsSpan(start, length);
        var grad = parameter.Grad.AsSpan(start, length);
        var sum = _accumulator[index].AsSpan(start, length);
        float rate = LearningRate, decay = WeightDecay, epsilon = Epsilon;
        int i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<float>.Count)
        {
            var vt = MemoryMarshal.Cast<float, Vector<float>>(theta);
            var vg = MemoryMarshal.Cast<float, Vector<float>>(grad);
            var vs = MemoryMarshal.Cast<float, Vector<float>>(sum);
            var a = new Vector<float>(rate);
            var d = new Vector<float>(decay);
            var e = new Vector<float>(epsilon);
            for (int j = 0; j < vt.Length; j++)
            {
                var g = vg[j] + (d * vt[j]);
                var s = vs[j] + (g * g);
                vs[j] = s;
                vt[j] -= a * g / (Vector.SquareRoot(s) + e);
            }

            i = vt.Length * Vector<float>.Count;
        }

        // Same operations in the same order as the vector loop, so every element gets the same bits on either path.
        for (; i < length; i++)
        {
            float g = grad[i] + (decay * theta[i]);
            float s = sum[i] + (g * g);
            sum[i] = s;
            theta[i] -= rate * g / (MathF.Sqrt(s) + epsilon);
        }
    }
}
