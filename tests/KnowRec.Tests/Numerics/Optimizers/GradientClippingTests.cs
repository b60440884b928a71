using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;
using static KnowRec.Tests.Numerics.Optimizers.OptimizerKit;

namespace KnowRec.Tests.Numerics.Optimizers;

public sealed class GradientClippingTests
{
    [Fact]
    public void ClipByGlobalNorm_ScalesAllGradientsTogether_WhenTheNormExceedsTheCap()
    {
        // Gradients (3) and (4, 0) have global norm √(9 + 16) = 5; a cap of 1 scales both by 1/(5 + 1e-6).
        var a = Tensor.FromArray([0f], [1], requiresGrad: true);
        var b = Tensor.FromArray([0f, 0f], [2], requiresGrad: true);
        Feed(a, [3f]);
        Feed(b, [4f, 0f]);
        double norm = GradientClipping.ClipByGlobalNorm([a, b], 1.0);
        Assert.Equal(5.0, norm, 12);
        float factor = (float)(1.0 / (5.0 + 1e-6));
        Assert.Equal(3f * factor, a.Grad![0]);
        Assert.Equal([4f * factor, 0f], b.Grad!);
        Assert.True(Math.Sqrt((a.Grad[0] * a.Grad[0]) + (b.Grad![0] * b.Grad[0])) <= 1.0);
    }

    [Fact]
    public void ClipByGlobalNorm_LeavesGradients_WhenTheNormIsWithinTheCap()
    {
        var a = Tensor.FromArray([0f, 0f], [2], requiresGrad: true);
        Feed(a, [0.5f, -0.5f]);
        Assert.Equal(Math.Sqrt(0.5), GradientClipping.ClipByGlobalNorm([a], Math.Sqrt(0.5) + 1e-9), 12);
        Assert.Equal([0.5f, -0.5f], a.Grad!);
        Assert.Equal(Math.Sqrt(0.5), GradientClipping.ClipByGlobalNorm([a], 5.0), 12);
        Assert.Equal([0.5f, -0.5f], a.Grad!);
    }

    [Fact]
    public void ClipByGlobalNorm_ReadsOnlyTouchedRows_OfARowSparseGradient()
    {
        var table = Tensor.Zeros([4, 2], requiresGrad: true).EnableSparseGradient();
        FeedRows(table, [2], [3f, 4f]);
        Assert.True(table.HasSparseGradient);

        // A value in an untouched row breaks the sparse contract on purpose: it must be neither counted nor scaled.
        table.Grad![0] = 100f;
        double norm = GradientClipping.ClipByGlobalNorm([table], 2.5);
        Assert.Equal(5.0, norm, 12);
        Assert.Equal(100f, table.Grad[0]);
        Assert.Equal(1.5f, table.Grad[4], 5);
        Assert.Equal(2f, table.Grad[5], 5);
    }

    [Fact]
    public void ClipByGlobalNorm_SkipsParametersWithoutGradient_AndMatchesANaiveNorm()
    {
        var random = new Random(5);
        var a = Tensor.FromArray([.. Enumerable.Range(0, 37).Select(_ => 0f)], [37], requiresGrad: true);
        var idle = Tensor.Zeros([3], requiresGrad: true);
        float[] g = [.. Enumerable.Range(0, 37).Select(_ => (float)(random.NextDouble() - 0.5))];
        Feed(a, g);
        double expected = Math.Sqrt(g.Sum(x => (double)x * x));
        Assert.Equal(expected, GradientClipping.ClipByGlobalNorm([a, idle], 100), 12);
        Assert.Null(idle.Grad);
    }

    [Fact]
    public void ClipByGlobalNorm_ReturnsANonFiniteNormWithoutScaling()
    {
        var a = Tensor.FromArray([0f, 0f], [2], requiresGrad: true);
        Feed(a, [float.NaN, 1f]);
        Assert.True(double.IsNaN(GradientClipping.ClipByGlobalNorm([a], 1.0)));
        Assert.Equal(1f, a.Grad![1]);
    }

    [Fact]
    public void ClipByGlobalNorm_RejectsABadCap()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm([], double.NaN));
        Assert.Throws<ArgumentNullException>(() => GradientClipping.ClipByGlobalNorm(null!, 1));
    }
}
