using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class ConjugateGradientTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(65)]
    [InlineData(200)]
    public void Solve_ConvergesToCholeskySolution_ForDenseMatrix(int n)
    {
        var a = Reference.SpdMatrix(n, n + 1);
        var b = Enumerable.Range(0, n).Select(i => Math.Cos(i)).ToArray();
        var factor = (double[])a.Clone();
        Assert.True(Cholesky.Factor<double>(factor, n));
        var expected = (double[])b.Clone();
        Cholesky.Solve<double>(factor, n, expected);
        var x = new double[n];
        var result = ConjugateGradient.Solve<double>(a, n, b, x, 1e-12);
        Assert.True(result.Converged);
        Assert.InRange(result.Iterations, 1, n + 5);
        Assert.True(result.RelativeResidual <= 1e-12);
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(expected[i], x[i], 1e-9));
    }

    [Fact]
    public void Solve_AcceptsMatrixFreeOperator_AndWarmStart()
    {
        // Tridiagonal 1-D Laplacian + I, applied without forming it.
        const int n = 300;
        void Apply(ReadOnlySpan<double> v, Span<double> result)
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = (3 * v[i]) - (i > 0 ? v[i - 1] : 0) - (i < n - 1 ? v[i + 1] : 0);
            }
        }

        var truth = Enumerable.Range(0, n).Select(i => Math.Sin(i * 0.1)).ToArray();
        var b = new double[n];
        Apply(truth, b);
        var x = new double[n];
        var cold = ConjugateGradient.Solve<double>(Apply, b, x, 1e-10);
        Assert.True(cold.Converged);
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(truth[i], x[i], 1e-8));
        var warm = ConjugateGradient.Solve<double>(Apply, b, x, 1e-10);
        Assert.Equal(0, warm.Iterations);
    }

    [Fact]
    public void Solve_StopsWithoutConverging_WhenIterationsRunOut()
    {
        var a = Reference.SpdMatrix(50, 3);
        var result = ConjugateGradient.Solve<double>(a, 50, Enumerable.Repeat(1.0, 50).ToArray(), new double[50], 1e-14, maxIterations: 2);
        Assert.False(result.Converged);
        Assert.Equal(2, result.Iterations);
    }

    [Fact]
    public void Solve_ReturnsZero_ForZeroRightHandSide()
    {
        var x = new float[] { 1, 2 };
        var result = ConjugateGradient.Solve<float>(new float[] { 2, 0, 0, 2 }, 2, new float[2], x, 1e-6f);
        Assert.True(result.Converged);
        Assert.Equal([0f, 0f], x);
    }
}
