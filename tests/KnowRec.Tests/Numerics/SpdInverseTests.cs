using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class SpdInverseTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(65)]
    [InlineData(129)]
    [InlineData(300)]
    [InlineData(513)]
    public void Invert_TimesMatrix_GivesIdentity(int n)
    {
        var a = Reference.SpdMatrix(n, n);
        var inverse = (double[])a.Clone();
        Assert.True(SpdInverse.Invert<double>(inverse, n));
        var product = new double[n * n];
        Gemm.Multiply(MatrixOp.None, MatrixOp.None, n, n, n, 1.0, inverse, n, a, n, 0.0, product, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(i == j ? 1 : 0, product[(i * n) + j], 1e-10);
                Assert.Equal(inverse[(i * n) + j], inverse[(j * n) + i]);
            }
        }
    }

    [Fact]
    public void Invert_WorksInSinglePrecision()
    {
        const int n = 200;
        var a = Reference.SpdMatrix(n, 9);
        var inverse = a.Select(x => (float)x).ToArray();
        Assert.True(SpdInverse.Invert<float>(inverse, n));
        var product = Reference.Gemm(MatrixOp.None, MatrixOp.None, n, n, n, 1, [.. inverse.Select(x => (double)x)], n, a, n, 0, new double[n * n], n);
        Assert.All(Enumerable.Range(0, n * n), k => Assert.Equal(k / n == k % n ? 1 : 0, product[k], 1e-4));
    }

    [Fact]
    public void Invert_ReturnsFalse_ForIndefiniteMatrix()
    {
        var a = Reference.SpdMatrix(300, 1);
        a[(150 * 300) + 150] = -1e6;
        Assert.False(SpdInverse.Invert<double>(a, 300));
    }
}
