using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

/// <summary>Compares the tape's gradients with central finite differences of the same float32 computation.</summary>
internal static class GradientChecker
{
    /// <summary>
    /// Checks d loss / d input for every input that requires a gradient, where loss = Σ operation(inputs) ⊙ W and W is a
    /// fixed random tensor: the distinct weights make every output element, and any mix-up between them, matter.
    /// </summary>
    public static void Check(
        Func<Tape, Tensor[], Tensor> operation, Tensor[] inputs, int seed = 11, double step = 1e-2, double tolerance = 1e-2)
    {
        Tensor? weights = null;
        float Loss(Tape tape)
        {
            var output = operation(tape, inputs);
            weights ??= Tensor.Uniform(output.Shape.ToArray(), -1f, 1f, new Random(seed));
            var loss = Ops.Sum(tape, Ops.Mul(tape, output, weights));
            if (tape.Count > 0)
            {
                tape.Backward(loss);
            }

            return loss.Data[0];
        }

        foreach (var input in inputs)
        {
            input.ZeroGrad();
        }

        Loss(new Tape());
        var analytic = inputs.Select(input => input.Grad is null ? null : (float[])input.Grad.Clone()).ToArray();
        bool anyNonZero = false;
        for (int t = 0; t < inputs.Length; t++)
        {
            var input = inputs[t];
            if (!input.RequiresGrad)
            {
                continue;
            }

            Assert.NotNull(analytic[t]);
            var data = input.Data;
            for (int i = 0; i < data.Length; i++)
            {
                float original = data[i];
                float plus = (float)(original + step), minus = (float)(original - step);
                data[i] = plus;
                double lossPlus = Loss(new Tape());
                data[i] = minus;
                double lossMinus = Loss(new Tape());
                data[i] = original;

                // Divide by the step float32 actually took, not the requested one.
                double numeric = (lossPlus - lossMinus) / ((double)plus - minus);
                double exact = analytic[t]![i];
                double allowed = (tolerance * Math.Max(Math.Abs(numeric), Math.Abs(exact))) + 1e-3;
                Assert.True(
                    Math.Abs(numeric - exact) <= allowed,
                    $"Input {t}, element {i}: tape gradient {exact}, finite difference {numeric}.");
                anyNonZero |= exact != 0;
            }
        }

        Assert.True(anyNonZero, "Every gradient was zero, so the check proved nothing.");
    }

    /// <summary>A small random tensor whose elements lie in ±[<paramref name="gap"/>, <paramref name="scale"/>), away from kinks at 0.</summary>
    public static Tensor Random(int[] shape, int seed, float scale = 1f, float gap = 0f, bool requiresGrad = true)
    {
        var random = new Random(seed);
        var tensor = Tensor.Uniform(shape, gap, scale, random, requiresGrad);
        for (int i = 0; i < tensor.Length; i++)
        {
            if (random.Next(2) == 0)
            {
                tensor.Data[i] = -tensor.Data[i];
            }
        }

        return tensor;
    }
}
