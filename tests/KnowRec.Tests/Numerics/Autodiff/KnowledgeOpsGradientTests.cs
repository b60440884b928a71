using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

/// <summary>Finite-difference checks of the knowledge-graph embedding ops (distances, projection, losses).</summary>
public sealed class KnowledgeOpsGradientTests
{
    private static Tensor R(int[] shape, int seed, float scale = 1f, float gap = 0f, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, scale, gap, requiresGrad);

    [Theory]
    [InlineData(DistanceNorm.L1, 3, 4)]
    [InlineData(DistanceNorm.L2, 3, 4)]
    [InlineData(DistanceNorm.SquaredL2, 3, 4)]
    [InlineData(DistanceNorm.L1, 1, 7)]
    [InlineData(DistanceNorm.L2, 5, 1)]
    public void TranslationDistance_GradientMatchesFiniteDifferences(DistanceNorm norm, int rows, int d)
    {
        // t = h + r − x with every |x_j| ≥ 0.2, so the L1 and L2 kinks at x = 0 are out of the step's reach.
        var h = R([rows, d], 1);
        var r = R([rows, d], 2);
        var x = R([rows, d], 3, gap: 0.2f, requiresGrad: false);
        var t = Tensor.FromArray([.. h.Data.Select((v, i) => v + r.Data[i] - x.Data[i])], [rows, d], requiresGrad: true);
        GradientChecker.Check((tape, z) => Ops.TranslationDistance(tape, z[0], z[1], z[2], norm), [h, r, t]);
    }

    [Fact]
    public void TranslationDistance_GradientMatchesFiniteDifferences_SameTensorAsHeadAndTail() =>
        GradientChecker.Check((tape, z) => Ops.TranslationDistance(tape, z[0], z[1], z[0], DistanceNorm.SquaredL2), [R([2, 3], 4), R([2, 3], 5)]);

    [Fact]
    public void TranslationDistance_GradientMatchesFiniteDifferences_ConstantRelation() =>
        GradientChecker.Check((tape, z) => Ops.TranslationDistance(tape, z[0], z[1], z[2], DistanceNorm.SquaredL2), [R([2, 3], 6), R([2, 3], 7, requiresGrad: false), R([2, 3], 8)]);

    [Theory]
    [InlineData(3, 2)]
    [InlineData(1, 5)]
    [InlineData(4, 1)]
    public void RotationDistance_GradientMatchesFiniteDifferences(int rows, int k) =>
        GradientChecker.Check(
            (tape, z) => Ops.RotationDistance(tape, z[0], z[1], z[2]),
            [R([rows, 2 * k], 9), R([rows, k], 10, scale: 3f), R([rows, 2 * k], 11)]);

    [Theory]
    [InlineData(4, 3, 2, 3)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(5, 2, 4, 2)]
    public void RelationProjection_GradientMatchesFiniteDifferences(int rows, int d, int k, int relations)
    {
        int[] which = [.. Enumerable.Range(0, rows).Select(b => (b * 2) % relations)];
        GradientChecker.Check((tape, z) => Ops.RelationProjection(tape, z[0], z[1], which), [R([rows, d], 12), R([relations, d, k], 13)]);
    }

    [Fact]
    public void MarginRankingLoss_GradientMatchesFiniteDifferences()
    {
        // Positives near 0, negatives spread over ±2 with margin 1: some pairs are inside the hinge, some outside, none
        // within the step of its kink (checked below, so a change of seed cannot silently hide the kink).
        var positive = R([3], 14, scale: 0.3f);
        var negative = R([3, 4], 15, scale: 2f);
        for (int j = 0; j < 12; j++)
        {
            Assert.True(Math.Abs(1f + positive.Data[j / 4] - negative.Data[j]) > 0.05f);
        }

        GradientChecker.Check((tape, z) => Ops.MarginRankingLoss(tape, z[0], z[1], 1f), [positive, negative]);
    }

    [Fact]
    public void SelfAdversarialLogisticLoss_GradientMatchesFiniteDifferences_UniformWeights() =>
        GradientChecker.Check((tape, z) => Ops.SelfAdversarialLogisticLoss(tape, z[0], z[1], 2f), [R([3], 16, scale: 3f), R([3, 4], 17, scale: 3f)]);

    [Fact]
    public void SelfAdversarialLogisticLoss_GradientMatchesFiniteDifferences_PositivesUnderAdversarialWeights() =>
        // With α > 0 the weights are functions of the negatives held constant (eq. 4), so a finite difference in a
        // negative would also move its weight; the negatives' gradient is checked in closed form in the forward tests.
        GradientChecker.Check(
            (tape, z) => Ops.SelfAdversarialLogisticLoss(tape, z[0], z[1], 2f, 1f),
            [R([3], 18, scale: 3f), R([3, 4], 19, scale: 3f, requiresGrad: false)]);
}
