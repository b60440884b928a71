using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;
using KnowRec.Tests.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class NeuralOpsTests
{
    private static Tensor R(int[] shape, int seed, bool requiresGrad = true) => GradientChecker.Random(shape, seed, requiresGrad: requiresGrad);

    [Theory]
    [InlineData(3, 4, 5)]
    [InlineData(1, 1, 1)]
    [InlineData(7, 2, 9)]
    public void CandidateScores_GradientMatchesFiniteDifferences(int m, int n, int k) =>
        GradientChecker.Check((t, x) => CandidateScores.Compute(t, x[0], x[1]), [R([m, k], 1), R([n, k], 2)]);

    [Fact]
    public void CandidateScores_GradientMatchesFiniteDifferences_SameTensorBothSides() =>
        GradientChecker.Check((t, x) => CandidateScores.Compute(t, x[0], x[0]), [R([4, 3], 3)]);

    [Fact]
    public void CandidateScores_EqualsRowDotProducts_ComputedByLoops()
    {
        var a = R([5, 7], 4);
        var b = R([6, 7], 5);
        var scores = CandidateScores.Compute(new Tape { Threads = 2 }, a, b);
        Assert.Equal([5, 6], scores.Shape.ToArray());
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                double dot = 0;
                for (int k = 0; k < 7; k++)
                {
                    dot += (double)a.Data[(i * 7) + k] * b.Data[(j * 7) + k];
                }

                Assert.Equal(dot, scores.Data[(i * 6) + j], 1e-5);
            }
        }
    }

    [Fact]
    public void CandidateScores_Throws_ForMismatchedWidths() =>
        Assert.Throws<ArgumentException>(() => CandidateScores.Compute(new Tape(), R([2, 3], 1), R([2, 4], 2)));

    [Fact]
    public void SampledSoftmaxLoss_GradientMatchesFiniteDifferences()
    {
        float[] adjustment = [.. Enumerable.Range(0, 12).Select(i => (i % 5) * 0.3f - 0.5f)];
        adjustment[5] = -1e9f;
        GradientChecker.Check((t, x) => SampledSoftmaxLoss.Compute(t, x[0], adjustment, [2, 0, 3]), [R([3, 4], 6)]);
    }

    [Fact]
    public void SampledSoftmaxLoss_GradientMatchesFiniteDifferences_WithoutAdjustment() =>
        GradientChecker.Check((t, x) => SampledSoftmaxLoss.Compute(t, x[0], [], [1, 1]), [R([2, 5], 7)]);

    [Fact]
    public void SampledSoftmaxLoss_EqualsMeanCrossEntropy_ComputedInDouble()
    {
        var logits = R([3, 4], 8, requiresGrad: false);
        float[] adjustment = [0.5f, -1f, 0f, 2f, 0f, -1e9f, 1f, 0f, 0.25f, 0.25f, -0.75f, 0f];
        int[] targets = [3, 0, 2];
        double expected = 0;
        for (int r = 0; r < 3; r++)
        {
            double[] z = [.. Enumerable.Range(0, 4).Select(c => (double)logits.Data[(r * 4) + c] + adjustment[(r * 4) + c])];
            expected += Math.Log(z.Sum(Math.Exp)) - z[targets[r]];
        }

        Assert.Equal(expected / 3, SampledSoftmaxLoss.Compute(new Tape(), logits, adjustment, targets).Data[0], 1e-5);
    }

    [Fact]
    public void SampledSoftmaxLoss_StaysFinite_ForLargeLogits()
    {
        var logits = Tensor.FromArray([1000f, -1000f, 999f, 0f], [2, 2], requiresGrad: true);
        var loss = SampledSoftmaxLoss.Compute(new Tape(), logits, [], [0, 1]);
        Assert.True(float.IsFinite(loss.Data[0]));
        // Row 0 puts all mass on its target (loss ≈ 0); row 1's loss is log(e⁹⁹⁹ + e⁰) − 0 ≈ 999.
        Assert.Equal(999.0 / 2, loss.Data[0], 3);
    }

    [Fact]
    public void SampledSoftmaxLoss_Throws_ForTargetOutsideColumns() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledSoftmaxLoss.Compute(new Tape(), R([2, 3], 1), [], [0, 3]));
}
