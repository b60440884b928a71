using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class CholeskyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(129)]
    [InlineData(300)]
    [InlineData(517)]
    public void FactorAndSolve_RecoverKnownSolution_ForRandomSpdMatrix(int n)
    {
        var random = new Random(n);
        // A = BᵀB + n·I is symmetric positive definite.
        var b = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = i == j ? n : 0;
                for (int k = 0; k < n; k++)
                {
                    s += b[(k * n) + i] * b[(k * n) + j];
                }

                a[(i * n) + j] = s;
            }
        }

        var x = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1)).ToArray();
        var rhs = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                rhs[i] += a[(i * n) + j] * x[j];
            }
        }

        var original = (double[])a.Clone();
        Assert.True(Cholesky.Factor<double>(a, n));
        // The strict upper triangle is left as it was, in the blocked form too.
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                Assert.Equal(original[(i * n) + j], a[(i * n) + j]);
            }
        }

        Cholesky.Solve<double>(a, n, rhs);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(x[i], rhs[i], 1e-9);
        }
    }

    [Fact]
    public void Factor_ReturnsFalse_ForIndefiniteMatrix() => Assert.False(Cholesky.Factor<float>(new float[] { 1, 2, 2, 1 }, 2));
}
