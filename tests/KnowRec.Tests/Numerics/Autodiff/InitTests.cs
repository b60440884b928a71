using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class InitTests
{
    [Fact]
    public void XavierUniform_StaysInsideItsBoundAndHasTheRightVariance()
    {
        var w = Init.XavierUniform([200, 300], new Random(1));
        float bound = MathF.Sqrt(6f / 500f);
        Assert.All(w.Data, x => Assert.InRange(x, -bound, bound));

        // Var U(−a, a) = a²/3 = 2 / (fan_in + fan_out).
        double variance = w.Data.Select(x => (double)x * x).Average();
        Assert.Equal(2.0 / 500, variance, 0.0002);
        Assert.True(w.RequiresGrad);
    }

    [Fact]
    public void XavierNormal_And_HeUniform_HaveTheRightVariance()
    {
        var normal = Init.XavierNormal([100, 100], new Random(2));
        Assert.Equal(0.01, normal.Data.Select(x => (double)x * x).Average(), 0.0005);
        var he = Init.HeUniform([50, 400], new Random(3));
        Assert.Equal(2.0 / 50, he.Data.Select(x => (double)x * x).Average(), 0.002);
    }

    [Fact]
    public void SameSeed_SameTensor_AndOnesZeros()
    {
        Assert.Equal(Init.Normal([3, 4], 0.1f, new Random(4)).Data, Init.Normal([3, 4], 0.1f, new Random(4)).Data);
        Assert.All(Init.Ones([5]).Data, x => Assert.Equal(1f, x));
        Assert.All(Init.Zeros([2, 2]).Data, x => Assert.Equal(0f, x));
    }
}
