using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    // Elements per scratch buffer of the chunked loss loops; a multiple of every SIMD width.
    private const int ScratchElements = 256;

    /// <summary>Mean squared error: the mean over elements of (prediction − target)².</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="prediction">Predicted values.</param>
    /// <param name="target">Target values, same shape; gradients flow to it too when it requires them.</param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <exception cref="ArgumentException">The shapes differ or the tensors are empty.</exception>
    public static Tensor MeanSquaredError(Tape tape, Tensor prediction, Tensor target)
    {
        CheckPair(tape, prediction, target);
        int threads = tape.Threads;
        var p = prediction.Data;
        var t = target.Data;
        int count = p.Length;
        double total = SumBlocks(threads, count, (s, e) => VectorKernels.SumOfSquaredDifferences(p.AsSpan(s..e), t.AsSpan(s..e)));
        var output = Tensor.FromArray([(float)(total / count)], [1], prediction.RequiresGrad || target.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // d/dp = 2(p − t)/n and d/dt = −2(p − t)/n.
                float scale = 2f * g[0] / count;
                float[]? gp = prediction.RequiresGrad ? prediction.EnsureGrad() : null;
                float[]? gt = target.RequiresGrad ? target.EnsureGrad() : null;
                if (ReferenceEquals(gp, gt))
                {
                    return; // prediction and target are the same tensor: the loss is identically 0.
                }

                ForElements(threads, count, (s, e) => VectorKernels.AddScaledDifference(
                    p.AsSpan(s..e), t.AsSpan(s..e), scale, gp is null ? default : gp.AsSpan(s..e), gt is null ? default : gt.AsSpan(s..e)));
            });
        }

        return output;
    }

    /// <summary>Binary cross-entropy of the logistic of <paramref name="logits"/> against <paramref name="targets"/>, averaged over elements.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="logits">Unnormalised scores x.</param>
    /// <param name="targets">Targets y in [0, 1], same shape; gradients flow to them too when they require them.</param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <exception cref="ArgumentException">The shapes differ or the tensors are empty.</exception>
    /// <remarks>
    /// Each term is computed as max(x, 0) − x·y + log(1 + exp(−|x|)), equal to −y·log σ(x) − (1 − y)·log(1 − σ(x)) but
    /// without overflow or log(0) for large |x|. Its derivative is σ(x) − y with respect to x and −x with respect to y.
    /// </remarks>
    public static Tensor BinaryCrossEntropyWithLogits(Tape tape, Tensor logits, Tensor targets)
    {
        CheckPair(tape, logits, targets);
        int threads = tape.Threads;
        var x = logits.Data;
        var y = targets.Data;
        int count = x.Length;
        double total = SumBlocks(threads, count, (s, e) => BinaryCrossEntropySum(x.AsSpan(s..e), y.AsSpan(s..e)));
        var output = Tensor.FromArray([(float)(total / count)], [1], logits.RequiresGrad || targets.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float scale = g[0] / count;
                if (logits.RequiresGrad)
                {
                    var gx = logits.EnsureGrad();
                    ForElements(threads, count, (s, e) => AddBinaryCrossEntropyGradient(x.AsSpan(s..e), y.AsSpan(s..e), scale, gx.AsSpan(s..e)));
                }

                if (targets.RequiresGrad)
                {
                    var gy = targets.EnsureGrad();
                    ForElements(threads, count, (s, e) => TensorPrimitives.MultiplyAdd(x.AsSpan(s..e), -scale, gy.AsSpan(s..e), gy.AsSpan(s..e)));
                }
            });
        }

        return output;
    }

    /// <summary>The L2 penalty ½ · c · Σ x², e.g. weight decay on a parameter; its gradient is c · x.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">The tensor x; may be empty (penalty 0).</param>
    /// <param name="scale">The coefficient c, e.g. the regularisation strength λ; default 1.</param>
    /// <returns>A scalar (shape [1]).</returns>
    /// <remarks>On a tensor with <see cref="Tensor.EnableSparseGradient"/> the gradient covers every row, so to penalise only the rows of a batch apply it to their lookup instead.</remarks>
    public static Tensor L2(Tape tape, Tensor input, float scale = 1f)
    {
        CheckNotNull(tape, input);
        int threads = tape.Threads;
        var x = input.Data;
        double total = SumBlocks(threads, x.Length, (s, e) => TensorPrimitives.SumOfSquares(x.AsSpan(s..e)));
        var output = Tensor.FromArray([(float)(0.5 * scale * total)], [1], input.RequiresGrad);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    float step = g[0] * scale;
                    var gi = input.EnsureGrad();
                    ForElements(threads, gi.Length, (s, e) => TensorPrimitives.MultiplyAdd(x.AsSpan(s..e), step, gi.AsSpan(s..e), gi.AsSpan(s..e)));
                }
            });
        }

        return output;
    }

    // Σ over a range of max(x, 0) − x·y + log(1 + e^−|x|), the softplus term computed by TensorPrimitives in a scratch chunk.
    private static double BinaryCrossEntropySum(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        Span<float> scratch = stackalloc float[ScratchElements];
        double total = 0;
        for (int o = 0; o < x.Length; o += ScratchElements)
        {
            int n = Math.Min(ScratchElements, x.Length - o);
            var softplus = scratch[..n];
            TensorPrimitives.Abs(x.Slice(o, n), softplus);
            TensorPrimitives.Negate(softplus, softplus);
            TensorPrimitives.Exp(softplus, softplus);
            TensorPrimitives.LogP1(softplus, softplus);
            total += VectorKernels.SumBinaryCrossEntropyTerms(x.Slice(o, n), y.Slice(o, n), softplus);
        }

        return total;
    }

    // gx += scale · (σ(x) − y) over a range.
    private static void AddBinaryCrossEntropyGradient(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float scale, Span<float> gx)
    {
        Span<float> scratch = stackalloc float[ScratchElements];
        for (int o = 0; o < x.Length; o += ScratchElements)
        {
            int n = Math.Min(ScratchElements, x.Length - o);
            var residual = scratch[..n];
            TensorPrimitives.Sigmoid(x.Slice(o, n), residual);
            TensorPrimitives.Subtract(residual, y.Slice(o, n), residual);
            TensorPrimitives.MultiplyAdd(residual, scale, gx.Slice(o, n), gx.Slice(o, n));
        }
    }

    private static void CheckPair(Tape tape, Tensor prediction, Tensor target)
    {
        CheckNotNull(tape, prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (!prediction.SameShape(target))
        {
            throw new ArgumentException($"Shapes {prediction.ShapeText} and {target.ShapeText} differ.", nameof(target));
        }

        CheckNotEmpty(prediction, nameof(prediction));
    }
}
