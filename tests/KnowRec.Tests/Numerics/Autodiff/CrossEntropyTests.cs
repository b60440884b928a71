using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class CrossEntropyTests
{
    private readonly Tape _tape = new();

    private static Tensor R(int[] shape, int seed, float scale = 3f) => GradientChecker.Random(shape, seed, scale, 0f, true);

    [Fact]
    public void SoftmaxCrossEntropy_MatchesHandComputedValue_SkippingPaddingRows()
    {
        // Row 0: log(e¹ + e² + e³) − 3 = 0.40760596; row 1 is padding; row 2: 5 + log(1 + e⁻⁵ + e⁻¹⁰) + 5 = 10.00676044.
        var logits = Tensor.FromArray([1f, 2f, 3f, 0f, 0f, 0f, 5f, -5f, 0f], [3, 3]);

        var loss = Ops.SoftmaxCrossEntropy(_tape, logits, [2, Ops.IgnoreIndex, 1]);

        Assert.Equal((0.40760596 + 10.00676044) / 2, loss.Data[0], 1e-5);
    }

    [Fact]
    public void SoftmaxCrossEntropy_MatchesNaiveDoubleLoop_AndGradientIsSoftmaxMinusOneHot()
    {
        var logits = R([7, 11], 1);
        int[] targets = [3, 0, 10, Ops.IgnoreIndex, 5, 5, 1];
        var tape = new Tape();

        var loss = Ops.SoftmaxCrossEntropy(tape, logits, targets);
        tape.Backward(loss);

        double expected = 0;
        for (int r = 0; r < 7; r++)
        {
            var row = logits.Data.AsSpan(r * 11, 11).ToArray().Select(v => (double)v).ToArray();
            double logTotal = Math.Log(row.Sum(Math.Exp));
            for (int c = 0; c < 11; c++)
            {
                double gradient = targets[r] < 0 ? 0 : (Math.Exp(row[c] - logTotal) - (c == targets[r] ? 1 : 0)) / 6;
                Assert.Equal(gradient, logits.Grad![(r * 11) + c], 1e-6);
            }

            expected += targets[r] < 0 ? 0 : (logTotal - row[targets[r]]) / 6;
        }

        Assert.Equal(expected, loss.Data[0], 1e-5);
    }

    [Fact]
    public void SoftmaxCrossEntropy_StaysFinite_HugeLogits()
    {
        var logits = Tensor.FromArray([1000f, -1000f, 0f, 3000f], [2, 2], requiresGrad: true);
        var tape = new Tape();

        var loss = Ops.SoftmaxCrossEntropy(tape, logits, [1, 1]);
        tape.Backward(loss);

        // Row 0 is confidently wrong by 2000, row 1 confidently right.
        Assert.Equal(1000f, loss.Data[0], 2);
        Assert.Equal([0.5f, -0.5f, 0f, 0f], logits.Grad!);
    }

    [Theory]
    [InlineData(new[] { 4, 5 }, new[] { 0, 4, 2, 2 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 3, -1, 0, 1, -1, 2 })]
    [InlineData(new[] { 3, 1 }, new[] { 0, 0, -1 })]
    public void SoftmaxCrossEntropy_GradientMatchesFiniteDifferences(int[] shape, int[] targets)
    {
        // A single class gives loss 0 and gradient 0 everywhere, which the checker rejects; add a term to keep it live.
        GradientChecker.Check((t, x) => Ops.Add(t, Ops.SoftmaxCrossEntropy(t, x[0], targets), Ops.L2(t, x[0], 0.1f)), [R(shape, 2)]);
    }

    [Fact]
    public void SoftmaxCrossEntropy_AllPadding_IsZeroAndBackwardAddsNothing()
    {
        var logits = R([2, 3], 3);
        var tape = new Tape();

        var loss = Ops.SoftmaxCrossEntropy(tape, logits, [-1, -1]);
        tape.Backward(loss);

        Assert.Equal([0f], loss.Data);
        Assert.Null(logits.Grad);
        Assert.Equal([0f], Ops.SoftmaxCrossEntropy(_tape, Tensor.Zeros([0, 5]), []).Data);
    }

    [Fact]
    public void SoftmaxCrossEntropy_Throws_BadTargets()
    {
        var logits = Tensor.Zeros([2, 3]);

        Assert.Throws<ArgumentException>(() => Ops.SoftmaxCrossEntropy(_tape, logits, [0]));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.SoftmaxCrossEntropy(_tape, logits, [0, 3]));
        Assert.Contains("row 1 is 3", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.SoftmaxCrossEntropy(_tape, logits, [-2, 0]));
    }

    [Fact]
    public void SampledSoftmaxCrossEntropy_MatchesHandFormulaWithLogQCorrection()
    {
        // One row: true score 2 (q = 0.5), negatives 1 (q = 0.25) and 0 (q = 0.125).
        // s' = 2 − ln 0.5, 1 − ln 0.25, 0 − ln 0.125 = 2.693147, 2.386294, 2.079442; L = log Σ exp(s') − s'₀.
        var logits = Tensor.FromArray([2f, 1f, 0f], [1, 3]);
        double[] corrected = [2 - Math.Log(0.5), 1 - Math.Log(0.25), -Math.Log(0.125)];
        double expected = Math.Log(corrected.Sum(Math.Exp)) - corrected[0];

        var loss = Ops.SampledSoftmaxCrossEntropy(_tape, logits, [0.5f, 0.25f, 0.125f]);

        Assert.Equal(expected, loss.Data[0], 1e-6);

        // Scaling every q by the same factor (expected counts instead of probabilities) changes nothing.
        Assert.Equal(loss.Data[0], Ops.SampledSoftmaxCrossEntropy(_tape, logits, [5f, 2.5f, 1.25f]).Data[0], 6);
    }

    [Fact]
    public void SampledSoftmaxCrossEntropy_EqualsFullSoftmaxWithTargetZero_UnderUniformSampling()
    {
        var logits = R([4, 6], 4);
        float[] uniform = Enumerable.Repeat(1f / 100, 24).ToArray();

        float sampled = Ops.SampledSoftmaxCrossEntropy(_tape, logits, uniform).Data[0];
        float full = Ops.SoftmaxCrossEntropy(_tape, logits, new int[4]).Data[0];

        Assert.Equal(full, sampled, 5);
    }

    [Fact]
    public void SampledSoftmaxCrossEntropy_GradientMatchesFiniteDifferences()
    {
        var random = new Random(5);
        float[] q = Enumerable.Range(0, 15).Select(_ => (float)(0.01 + random.NextDouble())).ToArray();
        GradientChecker.Check((t, x) => Ops.SampledSoftmaxCrossEntropy(t, x[0], q), [R([3, 5], 6)]);
    }

    [Fact]
    public void SampledSoftmaxCrossEntropy_Throws_BadProbabilities()
    {
        var logits = Tensor.Zeros([2, 2]);

        Assert.Throws<ArgumentException>(() => Ops.SampledSoftmaxCrossEntropy(_tape, logits, [0.5f, 0.5f, 0.5f]));
        Assert.Throws<ArgumentException>(() => Ops.SampledSoftmaxCrossEntropy(_tape, logits, [0.5f, 0f, 0.5f, 0.5f]));
        Assert.Throws<ArgumentException>(() => Ops.SampledSoftmaxCrossEntropy(_tape, logits, [0.5f, float.NaN, 0.5f, 0.5f]));
        Assert.Throws<ArgumentException>(() => Ops.SampledSoftmaxCrossEntropy(_tape, logits, [0.5f, -1f, 0.5f, 0.5f]));
        Assert.Throws<ArgumentException>(() => Ops.SampledSoftmaxCrossEntropy(_tape, Tensor.Zeros([2, 0]), []));
    }
}
