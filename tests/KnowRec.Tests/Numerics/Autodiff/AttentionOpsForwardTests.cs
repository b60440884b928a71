using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

/// <summary>The Transformer ops' forward values against naive loops and hand-computed numbers.</summary>
public sealed class AttentionOpsForwardTests
{
    private readonly Tape _tape = new();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void BatchedMatMul_MatchesNaiveLoops(bool transposeA, bool transposeB)
    {
        const int batch = 6, m = 5, k = 7, n = 3;
        var a = GradientChecker.Random(transposeA ? [2, 3, k, m] : [2, 3, m, k], 1);
        var b = GradientChecker.Random(transposeB ? [2, 3, n, k] : [2, 3, k, n], 2);

        var c = Ops.BatchedMatMul(_tape, a, b, transposeA, transposeB, scale: 0.5f);

        Assert.Equal([2, 3, m, n], c.Shape.ToArray());
        for (int t = 0; t < batch; t++)
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = 0;
                    for (int p = 0; p < k; p++)
                    {
                        float x = transposeA ? a.Data[(t * k * m) + (p * m) + i] : a.Data[(t * m * k) + (i * k) + p];
                        float y = transposeB ? b.Data[(t * n * k) + (j * k) + p] : b.Data[(t * k * n) + (p * n) + j];
                        sum += x * (double)y;
                    }

                    Assert.Equal(0.5 * sum, c.Data[(t * m * n) + (i * n) + j], 5);
                }
            }
        }
    }

    [Fact]
    public void BatchedMatMul_GivesIdenticalResultsAndGradients_ForAnyThreadCount()
    {
        float[]? reference = null, referenceGradient = null;
        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var a = GradientChecker.Random([7, 9, 11], 3);
            var b = GradientChecker.Random([7, 13, 11], 4);
            var tape = new Tape { Threads = threads };
            var c = Ops.BatchedMatMul(tape, a, b, transposeB: true);
            tape.Backward(Ops.Sum(tape, Ops.Mul(tape, c, c)));
            reference ??= c.Data;
            referenceGradient ??= a.Grad;
            Assert.Equal(reference, c.Data);
            Assert.Equal(referenceGradient, a.Grad);
        }
    }

    [Fact]
    public void BatchedMatMul_Throws_MismatchedShapes()
    {
        Assert.Throws<ArgumentException>(() => Ops.BatchedMatMul(_tape, Tensor.Zeros([2, 3, 4]), Tensor.Zeros([3, 4, 2])));
        Assert.Throws<ArgumentException>(() => Ops.BatchedMatMul(_tape, Tensor.Zeros([2, 3, 4]), Tensor.Zeros([2, 3, 2])));
        Assert.Throws<ArgumentException>(() => Ops.BatchedMatMul(_tape, Tensor.Zeros([3, 4]), Tensor.Zeros([4, 2])));
    }

    [Fact]
    public void Softmax_MatchesHandComputedValues_AndStaysFiniteForLargeInputs()
    {
        // e⁰, e¹, e² over their sum 11.1073; a naive exp(1000) would overflow.
        var y = Ops.Softmax(_tape, Tensor.FromArray([0f, 1f, 2f, 1000f, 1001f, 1002f], [2, 3]));

        float[] expected = [0.09003057f, 0.24472847f, 0.66524096f];
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(expected[j], y.Data[j], 6);
            Assert.Equal(expected[j], y.Data[3 + j], 6);
        }
    }

    [Fact]
    public void MaskedSoftmax_GivesMaskedKeysZeroWeight_AndEmptyRowsZero()
    {
        // One sequence of three positions whose first key is padding: query 0 sees nothing, query 1 only key 1,
        // query 2 keys 1 and 2 (equal logits, so ½ each).
        var scores = Tensor.FromArray([5f, 9f, 9f, 5f, 1f, 9f, 5f, 3f, 3f], [1, 3, 3]);

        var y = Ops.MaskedSoftmax(_tape, scores, causal: true, [true, false, false]);

        Assert.Equal([0f, 0f, 0f, 0f, 1f, 0f, 0f, 0.5f, 0.5f], y.Data);
    }

    [Fact]
    public void MaskedSoftmax_MatchesNaiveMaskedSoftmax_WithHeadsPerSequence()
    {
        var scores = GradientChecker.Random([2, 3, 4, 4], 5, scale: 3f);
        bool[] padding = [false, true, false, false, true, true, false, false];

        var y = Ops.MaskedSoftmax(_tape, scores, causal: true, padding);

        for (int s = 0; s < 2; s++)
        {
            for (int h = 0; h < 3; h++)
            {
                for (int i = 0; i < 4; i++)
                {
                    int row = (((s * 3) + h) * 4) + i;
                    var allowed = Enumerable.Range(0, 4).Where(j => j <= i && !padding[(s * 4) + j]).ToArray();
                    double total = allowed.Sum(j => Math.Exp(scores.Data[(row * 4) + j]));
                    for (int j = 0; j < 4; j++)
                    {
                        double expected = allowed.Contains(j) ? Math.Exp(scores.Data[(row * 4) + j]) / total : 0;
                        Assert.Equal(expected, y.Data[(row * 4) + j], 5);
                    }
                }
            }
        }
    }

    [Fact]
    public void MaskedSoftmax_Throws_BadMasks()
    {
        Assert.Throws<ArgumentException>(() => Ops.MaskedSoftmax(_tape, Tensor.Zeros([2, 3, 4]), causal: true));
        Assert.Throws<ArgumentException>(() => Ops.MaskedSoftmax(_tape, Tensor.Zeros([3, 2, 2]), causal: false, [false, false, false, false]));
        Assert.Throws<ArgumentException>(() => Ops.MaskedSoftmax(_tape, Tensor.Zeros([2, 2]), causal: false));
    }

    [Fact]
    public void LayerNorm_MatchesNaiveComputation()
    {
        var x = GradientChecker.Random([3, 5], 6, scale: 4f);
        var gain = GradientChecker.Random([5], 7);
        var bias = GradientChecker.Random([5], 8);

        var y = Ops.LayerNorm(_tape, x, gain, bias, epsilon: 1e-5f);

        for (int r = 0; r < 3; r++)
        {
            var row = x.Data.Skip(r * 5).Take(5).Select(v => (double)v).ToArray();
            double mean = row.Average();
            double variance = row.Sum(v => (v - mean) * (v - mean)) / 5;
            for (int j = 0; j < 5; j++)
            {
                double expected = (gain.Data[j] * (row[j] - mean) / Math.Sqrt(variance + 1e-5)) + bias.Data[j];
                Assert.Equal(expected, y.Data[(r * 5) + j], 4);
            }
        }
    }

    [Fact]
    public void LayerNorm_GivesBias_ForConstantRow()
    {
        var y = Ops.LayerNorm(_tape, Tensor.FromArray([3f, 3f, 3f], [3]), Tensor.FromArray([2f, 2f, 2f], [3]), Tensor.FromArray([1f, 2f, 3f], [3]));

        Assert.Equal([1f, 2f, 3f], y.Data);
    }

    [Fact]
    public void Dropout_IsIdentity_WhenNotTraining()
    {
        var x = GradientChecker.Random([4, 4], 9);

        Assert.Same(x, Ops.Dropout(_tape, x, 0.5f, training: false, seed: 1));
        Assert.Same(x, Ops.Dropout(_tape, x, 0f, training: true, seed: 1));
    }

    [Fact]
    public void Dropout_DropsAboutRateAndScalesTheRest_RepeatablyPerSeed()
    {
        var x = Tensor.FromArray(Enumerable.Repeat(1f, 20_000).ToArray(), [100, 200]);

        var y = Ops.Dropout(_tape, x, 0.2f, training: true, seed: 7);

        // Kept elements are 1 / (1 − 0.2) = 1.25 (the rate is rounded to 13107 / 65536); the dropped share is 0.2 ± 4
        // standard errors (0.0028 each).
        Assert.All(y.Data, v => Assert.True(v == 0f || Math.Abs(v - 1.25f) < 1e-5f));
        double dropped = y.Data.Count(v => v == 0f) / 20_000.0;
        Assert.InRange(dropped, 0.2 - 0.012, 0.2 + 0.012);
        Assert.Equal(y.Data, Ops.Dropout(_tape, x, 0.2f, training: true, seed: 7).Data);
        Assert.NotEqual(y.Data, Ops.Dropout(_tape, x, 0.2f, training: true, seed: 8).Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Dropout(_tape, x, 1f, training: true, seed: 7));
    }

    [Fact]
    public void SplitHeads_PlacesHeadJOfSequenceBAtMatrixBTimesHPlusJ_AndMergeHeadsInvertsIt()
    {
        var x = GradientChecker.Random([2, 3, 6], 10);

        var split = Ops.SplitHeads(_tape, x, 3);

        Assert.Equal([6, 3, 2], split.Shape.ToArray());
        for (int b = 0; b < 2; b++)
        {
            for (int t = 0; t < 3; t++)
            {
                for (int f = 0; f < 6; f++)
                {
                    Assert.Equal(x.Data[(((b * 3) + t) * 6) + f], split.Data[(((((b * 3) + (f / 2)) * 3) + t) * 2) + (f % 2)]);
                }
            }
        }

        Assert.Equal(x.Data, Ops.MergeHeads(_tape, split, 3).Data);
        Assert.Same(x, Ops.SplitHeads(_tape, x, 1));
        Assert.Throws<ArgumentException>(() => Ops.SplitHeads(_tape, x, 4));
    }

    [Fact]
    public void Linear_MatchesNaiveLoops()
    {
        var x = GradientChecker.Random([2, 3, 4], 11);
        var w = GradientChecker.Random([4, 5], 12);
        var bias = GradientChecker.Random([5], 13);

        var y = Ops.Linear(_tape, x, w, bias);

        Assert.Equal([2, 3, 5], y.Shape.ToArray());
        for (int r = 0; r < 6; r++)
        {
            for (int j = 0; j < 5; j++)
            {
                double expected = bias.Data[j] + Enumerable.Range(0, 4).Sum(p => x.Data[(r * 4) + p] * (double)w.Data[(p * 5) + j]);
                Assert.Equal(expected, y.Data[(r * 5) + j], 5);
            }
        }

        Assert.Throws<ArgumentException>(() => Ops.Linear(_tape, x, Tensor.Zeros([5, 4])));
    }

    [Fact]
    public void MultiHeadAttention_MatchesNaiveLoops_CausalWithPadding()
    {
        const int batch = 2, length = 4, width = 6, heads = 2, dh = 3;
        var weights = AttentionWeights.Create(width, heads, outputProjection: true, new Random(14));
        foreach (var bias in new[] { weights.QueryBias, weights.KeyBias, weights.ValueBias, weights.OutputBias! })
        {
            GradientChecker.Random([width], 15).Data.CopyTo(bias.Data, 0);
        }

        var x = GradientChecker.Random([batch, length, width], 16);
        bool[] padding = [true, false, false, false, false, false, false, false];

        var y = Ops.MultiHeadAttention(_tape, x, x, weights, causal: true, padding);

        double[] Project(Tensor w, Tensor b, int row) =>
            [.. Enumerable.Range(0, width).Select(j => b.Data[j] + Enumerable.Range(0, width).Sum(p => x.Data[(row * width) + p] * (double)w.Data[(p * width) + j]))];
        for (int s = 0; s < batch; s++)
        {
            var q = Enumerable.Range(0, length).Select(t => Project(weights.Query, weights.QueryBias, (s * length) + t)).ToArray();
            var k = Enumerable.Range(0, length).Select(t => Project(weights.Key, weights.KeyBias, (s * length) + t)).ToArray();
            var v = Enumerable.Range(0, length).Select(t => Project(weights.Value, weights.ValueBias, (s * length) + t)).ToArray();
            for (int i = 0; i < length; i++)
            {
                var concat = new double[width];
                for (int h = 0; h < heads; h++)
                {
                    var allowed = Enumerable.Range(0, i + 1).Where(j => !padding[(s * length) + j]).ToArray();
                    var logits = allowed.Select(j => Enumerable.Range(h * dh, dh).Sum(f => q[i][f] * k[j][f]) / Math.Sqrt(dh)).ToArray();
                    double max = logits.Length == 0 ? 0 : logits.Max();
                    double total = logits.Sum(l => Math.Exp(l - max));
                    for (int a = 0; a < allowed.Length; a++)
                    {
                        for (int f = h * dh; f < (h + 1) * dh; f++)
                        {
                            concat[f] += Math.Exp(logits[a] - max) / total * v[allowed[a]][f];
                        }
                    }
                }

                for (int j = 0; j < width; j++)
                {
                    double expected = weights.OutputBias!.Data[j] + Enumerable.Range(0, width).Sum(p => concat[p] * weights.Output!.Data[(p * width) + j]);
                    Assert.Equal(expected, y.Data[(((s * length) + i) * width) + j], 4);
                }
            }
        }
    }
}
