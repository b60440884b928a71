using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class TensorTests
{
    [Fact]
    public void Normal_SameSeed_SameValues()
    {
        var a = Tensor.Normal([4, 5], 0f, 1f, new Random(3));
        var b = Tensor.Normal([4, 5], 0f, 1f, new Random(3));

        Assert.Equal(a.Data, b.Data);
    }

    [Fact]
    public void Normal_HasRequestedMeanAndDeviation()
    {
        var x = Tensor.Normal([20_000], 2f, 0.5f, new Random(4));

        double mean = x.Data.Average();
        double deviation = Math.Sqrt(x.Data.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, 1.98, 2.02);
        Assert.InRange(deviation, 0.49, 0.51);
    }

    [Fact]
    public void Uniform_StaysWithinBounds()
    {
        var x = Tensor.Uniform([1000], -0.25f, 0.75f, new Random(5));

        Assert.All(x.Data, v => Assert.InRange(v, -0.25f, 0.75f));
        Assert.InRange(x.Data.Average(), 0.2, 0.3);
    }

    [Fact]
    public void FromArray_CopiesDataAndShape()
    {
        float[] data = [1f, 2f, 3f, 4f, 5f, 6f];
        int[] shape = [2, 3];

        var x = Tensor.FromArray(data, shape, requiresGrad: true);
        data[0] = 99f;
        shape[0] = 1;

        Assert.Equal(1f, x.Data[0]);
        Assert.Equal(2, x.Rows);
        Assert.Equal(3, x.Columns);
        Assert.Equal(2, x.Rank);
        Assert.True(x.RequiresGrad);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Vector_IsOneRow()
    {
        var x = Tensor.Zeros([4]);

        Assert.Equal(1, x.Rows);
        Assert.Equal(4, x.Columns);
    }

    [Fact]
    public void Factories_Throw_BadShapeOrLength()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 2, 2, 2, 2]));
        Assert.Throws<ArgumentException>(() => Tensor.Zeros([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros([-1]));
        Assert.Throws<ArgumentException>(() => Tensor.FromArray([1f, 2f, 3f], [2, 2]));
    }
}
