using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class KgatOpsTests
{
    private static Tensor R(int[] shape, int seed, float gap = 0f, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, 1f, gap, requiresGrad);

    [Theory]
    [InlineData(new[] { 7 }, 0.2f)]
    [InlineData(new[] { 3, 5 }, 0.01f)]
    [InlineData(new[] { 2, 3, 4 }, 0f)]
    public void LeakyReLU_GradientMatchesFiniteDifferences(int[] shape, float slope) =>
        GradientChecker.Check((t, x) => Ops.LeakyReLU(t, x[0], slope), [R(shape, 3, gap: 0.05f)]);

    [Fact]
    public void LeakyReLU_MatchesDefinition()
    {
        var y = Ops.LeakyReLU(new Tape(), Tensor.FromArray([-2f, -0.5f, 0f, 0.5f, 3f], [5]), 0.2f);
        Assert.Equal([-0.4f, -0.1f, 0f, 0.5f, 3f], y.Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.LeakyReLU(new Tape(), Tensor.Zeros([2]), 1f));
    }

    [Theory]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 3, 5 })]
    [InlineData(new[] { 2, 2, 3 })]
    [InlineData(new[] { 6, 2 })]
    public void RowNormalize_GradientMatchesFiniteDifferences(int[] shape) =>
        GradientChecker.Check((t, x) => Ops.RowNormalize(t, x[0]), [R(shape, 5, gap: 0.2f)], step: 1e-3);

    [Fact]
    public void RowNormalize_GivesUnitRows_AndLeavesZeroRowsZero()
    {
        var y = Ops.RowNormalize(new Tape(), Tensor.FromArray([3f, 4f, 0f, 0f, -1f, 0f], [3, 2]));
        Assert.Equal([0.6f, 0.8f, 0f, 0f, -1f, 0f], y.Data);
    }

    [Theory]
    [InlineData(5, 3, 2, 2)]
    [InlineData(8, 4, 3, 3)]
    [InlineData(1, 2, 5, 4)]
    [InlineData(6, 1, 1, 2)]
    public void RelationMatMul_GradientMatchesFiniteDifferences(int rows, int d, int k, int relations)
    {
        int[] rel = [.. Enumerable.Range(0, rows).Select(b => (b * 7) % relations)];
        GradientChecker.Check((t, x) => Ops.RelationMatMul(t, x[0], x[1], rel), [R([rows, d], 7), R([relations, d, k], 8)]);
    }

    [Fact]
    public void RelationMatMul_GradientMatchesFiniteDifferences_WhenARelationIsUnused()
    {
        int[] rel = [2, 0, 2, 2];
        GradientChecker.Check((t, x) => Ops.RelationMatMul(t, x[0], x[1], rel), [R([4, 3], 9), R([3, 3, 2], 10)]);
    }

    [Fact]
    public void RelationMatMul_MatchesNaiveLoop()
    {
        int rows = 9, d = 5, k = 4, relations = 3;
        var x = R([rows, d], 11, requiresGrad: false);
        var w = R([relations, d, k], 12, requiresGrad: false);
        int[] rel = [1, 0, 2, 1, 1, 0, 2, 2, 1];
        var y = Ops.RelationMatMul(new Tape(), x, w, rel);
        for (int b = 0; b < rows; b++)
        {
            for (int c = 0; c < k; c++)
            {
                double expected = 0;
                for (int j = 0; j < d; j++)
                {
                    expected += x.Data[(b * d) + j] * (double)w.Data[(rel[b] * d * k) + (j * k) + c];
                }

                Assert.Equal(expected, y.Data[(b * k) + c], 1e-5);
            }
        }
    }

    [Fact]
    public void RelationMatMul_Throws_ForBadShapesOrRelations()
    {
        var x = Tensor.Zeros([2, 3]);
        Assert.Throws<ArgumentException>(() => Ops.RelationMatMul(new Tape(), x, Tensor.Zeros([2, 4, 2]), [0, 1]));
        Assert.Throws<ArgumentException>(() => Ops.RelationMatMul(new Tape(), x, Tensor.Zeros([2, 3, 2]), [0]));
        Assert.ThrowsAny<ArgumentException>(() => Ops.RelationMatMul(new Tape(), x, Tensor.Zeros([2, 3, 2]), [0, 2]));
    }
}
