namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Element-wise max(x, 0).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <returns>A tensor of the input's shape.</returns>
    /// <remarks>The derivative at exactly 0 is taken as 0.</remarks>
    public static Tensor ReLU(Tape tape, Tensor input) =>
        Pointwise(tape, input, static x => x > 0f ? x : 0f, static (x, _) => x > 0f ? 1f : 0f);

    /// <summary>Element-wise logistic function 1 / (1 + e⁻ˣ).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <returns>A tensor of the input's shape, elements in [0, 1].</returns>
    public static Tensor Sigmoid(Tape tape, Tensor input) =>
        Pointwise(tape, input, Logistic, static (_, y) => y * (1f - y));

    /// <summary>Element-wise hyperbolic tangent.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <returns>A tensor of the input's shape, elements in [-1, 1].</returns>
    public static Tensor Tanh(Tape tape, Tensor input) =>
        Pointwise(tape, input, MathF.Tanh, static (_, y) => 1f - (y * y));

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

    // The logistic function split by sign so that exp never sees a large positive argument.
    private static float Logistic(float x)
    {
        if (x >= 0f)
        {
            return 1f / (1f + MathF.Exp(-x));
        }

        float e = MathF.Exp(x);
        return e / (1f + e);
    }

    // An element-wise op whose derivative is a function of its input x and output y.
    private static Tensor Pointwise(Tape tape, Tensor input, Func<float, float> forward, Func<float, float, float> derivative)
    {
        CheckNotNull(tape, input);
        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        var x = input.Data;
        var y = output.Data;
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = forward(x[i]);
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                var gi = input.EnsureGrad();
                for (int i = 0; i < gi.Length; i++)
                {
                    gi[i] += g[i] * derivative(x[i], y[i]);
                }
            });
        }

        return output;
    }
}
