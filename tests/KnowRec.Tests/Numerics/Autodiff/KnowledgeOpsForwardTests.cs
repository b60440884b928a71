using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

/// <summary>The knowledge-graph embedding ops against naive loops, by hand, and across thread counts.</summary>
public sealed class KnowledgeOpsForwardTests
{
    [Fact]
    public void TranslationDistance_MatchesHandComputedNorms()
    {
        // h + r − t = (3, −4) in row 0 and (0, 0) in row 1.
        var h = Tensor.FromArray([1f, 1f, 2f, 2f], [2, 2]);
        var r = Tensor.FromArray([2f, -3f, 1f, 1f], [2, 2]);
        var t = Tensor.FromArray([0f, 2f, 3f, 3f], [2, 2]);
        var tape = new Tape();

        Assert.Equal([7f, 0f], Ops.TranslationDistance(tape, h, r, t, DistanceNorm.L1).Data);
        Assert.Equal([5f, 0f], Ops.TranslationDistance(tape, h, r, t, DistanceNorm.L2).Data);
        Assert.Equal([25f, 0f], Ops.TranslationDistance(tape, h, r, t, DistanceNorm.SquaredL2).Data);
    }

    [Fact]
    public void TranslationDistance_GivesZeroGradient_AtZeroDifferenceUnderL2()
    {
        var h = Tensor.FromArray([1f, 2f], [1, 2], requiresGrad: true);
        var r = Tensor.FromArray([0f, 0f], [1, 2]);
        var tape = new Tape();
        tape.Backward(Ops.Sum(tape, Ops.TranslationDistance(tape, h, r, Tensor.FromArray([1f, 2f], [1, 2]), DistanceNorm.L2)));
        Assert.Equal([0f, 0f], h.Grad!);
    }

    [Fact]
    public void RotationDistance_MatchesComplexArithmetic()
    {
        // One row, k = 2: h = (1 + 2i, 3 − i), θ = (π/2, π), t = (0 + 0i, 1 + 1i).
        // h₁·i = −2 + i → |−2 + i| = √5; h₂·(−1) = −3 + i, minus t₂ → −4 + 0i → 4.
        var h = Tensor.FromArray([1f, 3f, 2f, -1f], [1, 4]);
        var phase = Tensor.FromArray([MathF.PI / 2, MathF.PI], [1, 2]);
        var t = Tensor.FromArray([0f, 1f, 0f, 1f], [1, 4]);

        var d = Ops.RotationDistance(new Tape(), h, phase, t);

        Assert.Equal(Math.Sqrt(5) + 4, d.Data[0], 5);
    }

    [Fact]
    public void RotationDistance_MatchesNaiveLoop_OnRandomRows()
    {
        var h = GradientChecker.Random([6, 10], 1);
        var phase = GradientChecker.Random([6, 5], 2, scale: 3f);
        var t = GradientChecker.Random([6, 10], 3);
        var d = Ops.RotationDistance(new Tape(), h, phase, t);
        for (int b = 0; b < 6; b++)
        {
            double expected = 0;
            for (int j = 0; j < 5; j++)
            {
                var z = new System.Numerics.Complex(h.Data[(b * 10) + j], h.Data[(b * 10) + 5 + j]) * System.Numerics.Complex.FromPolarCoordinates(1, phase.Data[(b * 5) + j]);
                expected += (z - new System.Numerics.Complex(t.Data[(b * 10) + j], t.Data[(b * 10) + 5 + j])).Magnitude;
            }

            Assert.Equal(expected, d.Data[b], 4);
        }
    }

    [Fact]
    public void RelationProjection_MatchesNaiveProduct()
    {
        const int Rows = 7, D = 3, K = 2, Relations = 3;
        var e = GradientChecker.Random([Rows, D], 4);
        var m = GradientChecker.Random([Relations, D, K], 5);
        int[] which = [2, 0, 1, 2, 2, 0, 1];

        var output = Ops.RelationProjection(new Tape(), e, m, which);

        for (int b = 0; b < Rows; b++)
        {
            for (int j = 0; j < K; j++)
            {
                double expected = 0;
                for (int i = 0; i < D; i++)
                {
                    expected += e.Data[(b * D) + i] * m.Data[(which[b] * D * K) + (i * K) + j];
                }

                Assert.Equal(expected, output.Data[(b * K) + j], 5);
            }
        }
    }

    [Fact]
    public void RelationProjection_RejectsRelationOutOfRangeAndWrongWidth()
    {
        var e = Tensor.Zeros([2, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.RelationProjection(new Tape(), e, Tensor.Zeros([2, 3, 4]), [0, 2]));
        Assert.Throws<ArgumentException>(() => Ops.RelationProjection(new Tape(), e, Tensor.Zeros([2, 4, 4]), [0, 1]));
        Assert.Throws<ArgumentException>(() => Ops.RelationProjection(new Tape(), e, Tensor.Zeros([2, 3, 4]), [0]));
    }

    [Fact]
    public void MarginRankingLoss_MatchesHandComputedHinge()
    {
        // γ = 1: pairs (d⁺ 0.5, d⁻ 2) → 0, (0.5, 1) → 0.5, (2, 0) → 3, (2, 3.5) → 0; mean 3.5 / 4.
        var positive = Tensor.FromArray([0.5f, 2f], [2], requiresGrad: true);
        var negative = Tensor.FromArray([2f, 1f, 0f, 3.5f], [2, 2], requiresGrad: true);
        var tape = new Tape();
        var loss = Ops.MarginRankingLoss(tape, positive, negative, 1f);
        tape.Backward(loss);

        Assert.Equal(0.875f, loss.Data[0]);
        Assert.Equal([0.25f, 0.25f], positive.Grad!);
        Assert.Equal([0f, -0.25f, -0.25f, 0f], negative.Grad!);
    }

    [Fact]
    public void SelfAdversarialLogisticLoss_MatchesEquationFive_WithClosedFormNegativeGradient()
    {
        const float Gamma = 2f, Alpha = 0.5f;
        var positive = Tensor.FromArray([1f, 3f], [2], requiresGrad: true);
        float[] d = [0.5f, 2.5f, 4f, 1f, 2f, 6f];
        var negative = Tensor.FromArray(d, [2, 3], requiresGrad: true);
        var tape = new Tape();
        var loss = Ops.SelfAdversarialLogisticLoss(tape, positive, negative, Gamma, Alpha);
        tape.Backward(loss);

        static double Sigma(double x) => 1 / (1 + Math.Exp(-x));
        double expected = 0;
        for (int b = 0; b < 2; b++)
        {
            var w = d.Skip(b * 3).Take(3).Select(v => Math.Exp(Alpha * (Gamma - v))).ToArray();
            double z = w.Sum();
            expected -= Math.Log(Sigma(Gamma - positive.Data[b]));
            for (int i = 0; i < 3; i++)
            {
                double p = w[i] / z;
                expected -= p * Math.Log(Sigma(d[(b * 3) + i] - Gamma));
                Assert.Equal(-p * Sigma(Gamma - d[(b * 3) + i]) / 2, negative.Grad![(b * 3) + i], 5);
            }

            Assert.Equal(Sigma(positive.Data[b] - Gamma) / 2, positive.Grad![b], 5);
        }

        Assert.Equal(expected / 2, loss.Data[0], 5);
    }

    [Fact]
    public void KnowledgeOps_GiveIdenticalOutputsAndGradients_OneAndTwoThreads()
    {
        // 600 rows × 128 columns and 600 × 64 × 64 projections: above the threshold where work is split into blocks.
        float[] Run(int threads)
        {
            var h = GradientChecker.Random([600, 128], 20);
            var r = GradientChecker.Random([600, 128], 21);
            var t = GradientChecker.Random([600, 128], 22);
            var phase = GradientChecker.Random([600, 64], 23);
            var m = GradientChecker.Random([5, 128, 64], 24, scale: 0.1f);
            int[] which = [.. Enumerable.Range(0, 600).Select(b => (b * 7) % 5)];
            var tape = new Tape { Threads = threads };
            var projected = Ops.RelationProjection(tape, h, m, which);
            var distance = Ops.TranslationDistance(tape, h, r, t, DistanceNorm.L2);
            var rotation = Ops.RotationDistance(tape, h, phase, t);
            var total = Ops.Add(tape, Ops.Add(tape, Ops.Sum(tape, projected), Ops.Sum(tape, distance)), Ops.Sum(tape, rotation));
            tape.Backward(total);
            return [.. projected.Data, .. distance.Data, .. rotation.Data, .. h.Grad!, .. r.Grad!, .. t.Grad!, .. phase.Grad!, .. m.Grad!];
        }

        Assert.Equal(Run(1), Run(2));
    }
}
