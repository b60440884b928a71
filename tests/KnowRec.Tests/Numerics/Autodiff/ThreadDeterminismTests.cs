using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

/// <summary>Ops split large work into fixed blocks, so 1 and 2 threads must give the same bits, and the blocked paths the right numbers.</summary>
public sealed class ThreadDeterminismTests
{
    // 300 × 301 = 90,300 elements: above Ops.ParallelThreshold, with an odd width so blocks end mid-row and mid-vector.
    private const int Rows = 300;
    private const int Columns = 301;

    [Fact]
    public void ElementwiseOpsAndLosses_GiveIdenticalOutputsAndGradients_OneAndTwoThreads()
    {
        Assert.True(Rows * Columns > Ops.ParallelThreshold);
        var one = Run(1, ElementwiseInputs, ElementwiseGraph);
        var two = Run(2, ElementwiseInputs, ElementwiseGraph);

        AssertIdentical(one, two);
    }

    [Fact]
    public void ShapeGatherAndCrossEntropyOps_GiveIdenticalOutputsAndGradients_OneAndTwoThreads()
    {
        var one = Run(1, ShapeInputs, ShapeGraph);
        var two = Run(2, ShapeInputs, ShapeGraph);

        AssertIdentical(one, two);
    }

    [Fact]
    public void BlockedTransposeAndSoftmaxCrossEntropy_MatchNaiveLoops()
    {
        var x = GradientChecker.Random([Rows, Columns], 5, scale: 5f);
        int[] targets = Enumerable.Range(0, Rows).Select(r => r % 7 == 0 ? Ops.IgnoreIndex : (r * 37) % Columns).ToArray();
        int kept = targets.Count(t => t >= 0);
        var tape = new Tape { Threads = 2 };

        var transposed = Ops.Transpose(tape, x);
        var loss = Ops.SoftmaxCrossEntropy(tape, x, targets);
        tape.Backward(loss);

        double naiveLoss = 0;
        for (int r = 0; r < Rows; r++)
        {
            double max = x.Data.AsSpan(r * Columns, Columns).ToArray().Max();
            double logTotal = max + Math.Log(x.Data.AsSpan(r * Columns, Columns).ToArray().Sum(v => Math.Exp(v - max)));
            naiveLoss += targets[r] < 0 ? 0 : (logTotal - x.Data[(r * Columns) + targets[r]]) / kept;
            for (int j = 0; j < Columns; j++)
            {
                int i = (r * Columns) + j;
                Assert.Equal(x.Data[i], transposed.Data[(j * Rows) + r]);
                double gradient = targets[r] < 0 ? 0 : (Math.Exp(x.Data[i] - logTotal) - (j == targets[r] ? 1 : 0)) / kept;
                Near(gradient, x.Grad![i]);
            }
        }

        Near(naiveLoss, loss.Data[0]);
    }

    [Fact]
    public void BlockedElementwiseOps_MatchNaiveLoops()
    {
        var x = GradientChecker.Random([Rows, Columns], 1, scale: 3f);
        var bias = GradientChecker.Random([Columns], 2);
        var tape = new Tape { Threads = 2 };

        var sum = Ops.Add(tape, x, bias);
        var difference = Ops.Sub(tape, bias, x);
        var product = Ops.Mul(tape, x, bias);
        var sigmoid = Ops.Sigmoid(tape, x);
        var tanh = Ops.Tanh(tape, x);
        var relu = Ops.ReLU(tape, x);
        var scaled = Ops.Scale(tape, x, -1.5f);
        var mean = Ops.Mean(tape, x);
        tape.Backward(Ops.Sum(tape, Ops.Mul(tape, product, product)));

        double naiveMean = 0;
        var naiveBiasGrad = new double[Columns];
        for (int r = 0; r < Rows; r++)
        {
            for (int j = 0; j < Columns; j++)
            {
                int i = (r * Columns) + j;
                double v = x.Data[i], b = bias.Data[j];
                Near(v + b, sum.Data[i]);
                Near(b - v, difference.Data[i]);
                Near(v * b, product.Data[i]);
                Near(1 / (1 + Math.Exp(-v)), sigmoid.Data[i]);
                Near(Math.Tanh(v), tanh.Data[i]);
                Near(Math.Max(v, 0), relu.Data[i]);
                Near(-1.5 * v, scaled.Data[i]);

                // d Σ (x b)² / dx = 2 x b², and / db_j = Σ_r 2 x² b.
                Near(2 * v * b * b, x.Grad![i]);
                naiveBiasGrad[j] += 2 * v * v * b;
                naiveMean += v;
            }
        }

        Near(naiveMean / x.Length, mean.Data[0]);
        for (int j = 0; j < Columns; j++)
        {
            Assert.Equal(naiveBiasGrad[j], bias.Grad![j], Math.Abs(naiveBiasGrad[j]) * 1e-5 + 1e-4);
        }
    }

    [Fact]
    public void BlockedLosses_MatchNaiveLoops()
    {
        var x = GradientChecker.Random([Rows, Columns], 3, scale: 4f);
        var y = Tensor.Uniform([Rows, Columns], 0f, 1f, new Random(4));
        var tape = new Tape { Threads = 2 };

        var mse = Ops.MeanSquaredError(tape, x, y);
        var bce = Ops.BinaryCrossEntropyWithLogits(tape, x, y);
        var l2 = Ops.L2(tape, x, 0.25f);
        tape.Backward(Ops.Add(tape, Ops.Add(tape, mse, bce), l2));

        double naiveMse = 0, naiveBce = 0, naiveL2 = 0;
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double v = x.Data[i], t = y.Data[i], sigma = 1 / (1 + Math.Exp(-v));
            naiveMse += (v - t) * (v - t) / n;
            naiveBce += -((t * Math.Log(sigma)) + ((1 - t) * Math.Log(1 - sigma))) / n;
            naiveL2 += 0.125 * v * v;
            double gradient = (2 * (v - t) / n) + ((sigma - t) / n) + (0.25 * v);
            Near(gradient, x.Grad![i]);
        }

        Assert.Equal(naiveMse, mse.Data[0], 1e-5 * naiveMse);
        Assert.Equal(naiveBce, bce.Data[0], 1e-5 * naiveBce);
        Assert.Equal(naiveL2, l2.Data[0], 1e-5 * naiveL2);
    }

    // Float32 results against a double reference: within a few units in the last place of a value of that size.
    private static void Near(double expected, float actual) =>
        Assert.Equal(expected, actual, 2e-6 * Math.Max(1, Math.Abs(expected)));

    private static Tensor ElementwiseGraph(Tape tape, Tensor[] p)
    {
        var h = Ops.Tanh(tape, Ops.Add(tape, Ops.Mul(tape, p[0], p[1]), p[2]));
        var s = Ops.Sigmoid(tape, Ops.Sub(tape, h, p[0]));
        var r = Ops.ReLU(tape, Ops.Scale(tape, Ops.Sub(tape, p[2], p[1]), 2f));
        var mse = Ops.MeanSquaredError(tape, s, p[3]);
        var bce = Ops.BinaryCrossEntropyWithLogits(tape, r, p[3]);
        var rest = Ops.Add(tape, Ops.Mean(tape, Ops.Mul(tape, h, h)), Ops.L2(tape, p[1], 0.1f));
        return Ops.Add(tape, Ops.Add(tape, mse, bce), Ops.Add(tape, rest, Ops.Scale(tape, Ops.Sum(tape, s), 1e-4f)));
    }

    private static Tensor[] ElementwiseInputs() =>
    [
        GradientChecker.Random([Rows, Columns], 10, scale: 2f),
        GradientChecker.Random([Rows, Columns], 11),
        GradientChecker.Random([Columns], 12),
        Tensor.Uniform([Rows, Columns], 0f, 1f, new Random(13), requiresGrad: true),
    ];

    private static Tensor[] ShapeInputs() =>
    [
        GradientChecker.Random([Rows, Columns], 20, scale: 4f),
        GradientChecker.Random([6, 50, 4, 64], 21, scale: 2f),
    ];

    // Every op here sees more than Ops.ParallelThreshold elements, so each runs its blocked (and, with 2 threads, parallel) path.
    private static Tensor ShapeGraph(Tape tape, Tensor[] p)
    {
        var random = new Random(22);
        var heads = Ops.GELU(tape, Ops.Transpose(tape, Ops.SwapAxes12(tape, p[1])));        // [6, 4, 64, 50]
        var rows = Ops.Reshape(tape, heads, [6 * 4 * 64, 50]);
        int[] picks = Enumerable.Range(0, 3000).Select(_ => random.Next(rows.Rows)).ToArray();
        int[] targets = Enumerable.Range(0, 3000).Select(_ => random.Next(1400)).ToArray();
        var gathered = Ops.Gather(tape, rows, picks);                                         // [3000, 50]
        var scattered = Ops.ScatterAdd(tape, gathered, targets, 1400);                        // [1400, 50]
        var wide = Ops.Concat(tape, scattered, Ops.Slice(tape, scattered, 10, 30));            // [1400, 80]
        var tall = Ops.ConcatRows(tape, wide, Ops.SliceRows(tape, wide, 100, 200));            // [1600, 80]
        var shaped = Ops.Mean(tape, Ops.Mul(tape, tall, tall));

        int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(-1, Columns)).ToArray();
        var full = Ops.SoftmaxCrossEntropy(tape, p[0], labels);
        float[] q = Enumerable.Range(0, Rows * 21).Select(_ => (float)(0.001 + random.NextDouble())).ToArray();
        var sampled = Ops.SampledSoftmaxCrossEntropy(tape, Ops.Slice(tape, p[0], 0, 21), q);
        return Ops.Add(tape, Ops.Add(tape, full, sampled), shaped);
    }

    // Builds fresh inputs (same seeds), evaluates the graph on a tape with the given threads, and returns every output and gradient.
    private static List<float[]> Run(int threads, Func<Tensor[]> makeInputs, Func<Tape, Tensor[], Tensor> graph)
    {
        var inputs = makeInputs();
        var tape = new Tape { Threads = threads };
        var loss = graph(tape, inputs);
        tape.Backward(loss);
        var results = new List<float[]> { loss.Data };
        results.AddRange(inputs.Select(input => input.Grad!));
        return results;
    }

    private static void AssertIdentical(List<float[]> expected, List<float[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            // Bitwise: Assert.Equal on float[] compares with float.Equals, which is exact.
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
