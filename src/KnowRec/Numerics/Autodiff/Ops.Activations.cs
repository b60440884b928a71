using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Element-wise max(x, 0).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <returns>A tensor of the input's shape.</returns>
    /// <remarks>The derivative at exactly 0 is taken as 0. A NaN input stays NaN, so divergence is not hidden.</remarks>
    public static Tensor ReLU(Tape tape, Tensor input) =>
        Pointwise(
            tape,
            input,
            static (x, y) => TensorPrimitives.Max(x, 0f, y),
            static (x, _, g, gi) => VectorKernels.AddWherePositive(x, g, gi));

    /// <summary>Element-wise logistic function σ(x) = 1 / (1 + e⁻ˣ); its derivative is σ(x)(1 − σ(x)).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <returns>A tensor of the input's shape, elements in [0, 1].</returns>
    public static Tensor Sigmoid(Tape tape, Tensor input) =>
        Pointwise(
            tape,
            input,
            static (x, y) => TensorPrimitives.Sigmoid(x, y),
            static (_, y, g, gi) => VectorKernels.AddLogisticDerivative(y, g, gi));

    /// <summary>Element-wise hyperbolic tangent; its derivative is 1 − tanh²(x).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <returns>A tensor of the input's shape, elements in [-1, 1].</returns>
    public static Tensor Tanh(Tape tape, Tensor input) =>
        Pointwise(
            tape,
            input,
            static (x, y) => TensorPrimitives.Tanh(x, y),
            static (_, y, g, gi) => VectorKernels.AddTanhDerivative(y, g, gi));

    /// <summary>
    /// Element-wise GELU in the tanh approximation used by BERT and GPT-2: ½ x (1 + tanh(√(2/π) (x + 0.044715 x³)))
    /// (Hendrycks &amp; Gimpel 2016, "Gaussian Error Linear Units", section 2), not the exact x·Φ(x).
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <returns>A tensor of the input's shape.</returns>
    /// <remarks>
    /// The approximation differs from x·Φ(x) by less than 5·10⁻⁴ everywhere. With t = tanh(u) the derivative is
    /// ½(1 + t) + ½ x (1 − t²) √(2/π) (1 + 3·0.044715 x²); the backward step recomputes t rather than storing it.
    /// </remarks>
    public static Tensor GELU(Tape tape, Tensor input) =>
        Pointwise(tape, input, GeluForward, static (x, _, g, gi) => GeluBackward(x, g, gi));

    /// <summary>Logarithm of the softmax of each row: x − max(x) − log Σ exp(x − max(x)).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">A matrix, or a vector taken as one row.</param>
    /// <returns>A tensor of the input's shape whose rows exponentiate to probability distributions.</returns>
    /// <remarks>Subtracting the row maximum keeps every exponent ≤ 0, so large logits cannot overflow.</remarks>
    public static Tensor LogSoftmax(Tape tape, Tensor input)
    {
        CheckNotNull(tape, input);
        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        int rows = input.Rows, columns = input.Columns;
        var x = input.Data;
        var y = output.Data;
        for (int r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * columns, columns);
            float max = float.NegativeInfinity;
            foreach (float value in row)
            {
                max = Math.Max(max, value);
            }

            double total = 0;
            foreach (float value in row)
            {
                total += Math.Exp(value - max);
            }

            float logTotal = (float)Math.Log(total);
            for (int j = 0; j < columns; j++)
            {
                y[(r * columns) + j] = row[j] - max - logTotal;
            }
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // dx_j = g_j − softmax_j · Σ_k g_k, with softmax recovered as exp(y).
                var gi = input.EnsureGrad();
                for (int r = 0; r < rows; r++)
                {
                    int o = r * columns;
                    double gradientTotal = 0;
                    for (int j = 0; j < columns; j++)
                    {
                        gradientTotal += g[o + j];
                    }

                    for (int j = 0; j < columns; j++)
                    {
                        gi[o + j] += g[o + j] - (float)(MathF.Exp(y[o + j]) * gradientTotal);
                    }
                }
            });
        }

        return output;
    }

    private static void GeluForward(ReadOnlySpan<float> x, Span<float> y)
    {
        // y holds u, then tanh(u) in place, then the output.
        for (int o = 0; o < x.Length; o += ScratchElements)
        {
            int n = Math.Min(ScratchElements, x.Length - o);
            var xs = x.Slice(o, n);
            var ys = y.Slice(o, n);
            VectorKernels.GeluArgument(xs, ys);
            TensorPrimitives.Tanh(ys, ys);
            VectorKernels.GeluFromTanh(xs, ys, ys);
        }
    }

    private static void GeluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> gi)
    {
        Span<float> t = stackalloc float[ScratchElements];
        for (int o = 0; o < x.Length; o += ScratchElements)
        {
            int n = Math.Min(ScratchElements, x.Length - o);
            var xs = x.Slice(o, n);
            var ts = t[..n];
            VectorKernels.GeluArgument(xs, ts);
            TensorPrimitives.Tanh(ts, ts);
            VectorKernels.AddGeluDerivative(xs, ts, g.Slice(o, n), gi.Slice(o, n));
        }
    }

    // An element-wise op: forward(x, y) fills y from x over a range, backward(x, y, g, gi) adds g ⊙ dy/dx into gi.
    private static Tensor Pointwise(Tape tape, Tensor input, RangeForward forward, RangeBackward backward)
    {
        CheckNotNull(tape, input);
        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        int threads = tape.Threads;
        var x = input.Data;
        var y = output.Data;

        // TensorPrimitives rejects empty spans for some functions (e.g. Sigmoid), so an empty tensor skips the loop.
        if (x.Length > 0)
        {
            ForElements(threads, x.Length, (s, e) => forward(x.AsSpan(s..e), y.AsSpan(s..e)));
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    var gi = input.EnsureGrad();
                    ForElements(threads, gi.Length, (s, e) => backward(x.AsSpan(s..e), y.AsSpan(s..e), g.AsSpan(s..e), gi.AsSpan(s..e)));
                }
            });
        }

        return output;
    }

    private delegate void RangeForward(ReadOnlySpan<float> x, Span<float> y);

    private delegate void RangeBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> gi);
}
