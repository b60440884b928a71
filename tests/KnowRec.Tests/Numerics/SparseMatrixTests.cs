using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class SparseMatrixTests
{
    // A random sparse matrix with about `density` of its entries set, some rows and columns left empty.
    internal static float[] RandomDense(int rows, int columns, double density, int seed)
    {
        var random = new Random(seed);
        var dense = new float[rows * columns];
        for (int i = 0; i < dense.Length; i++)
        {
            if (random.NextDouble() < density)
            {
                dense[i] = (float)(random.NextDouble() - 0.5);
            }
        }

        return dense;
    }

    // Σ_p A[i, p]·X[p, j] in double: the obviously correct product.
    internal static float[] NaiveProduct(float[] a, int m, int n, float[] x, int width)
    {
        var y = new float[m * width];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < width; j++)
            {
                double sum = 0;
                for (int p = 0; p < n; p++)
                {
                    sum += (double)a[(i * n) + p] * x[(p * width) + j];
                }

                y[(i * width) + j] = (float)sum;
            }
        }

        return y;
    }

    [Theory]
    [InlineData(7, 5, 3)]
    [InlineData(40, 33, 64)]
    [InlineData(20, 50, 85)]
    [InlineData(3, 9, 1)]
    [InlineData(600, 400, 24)]
    public void Multiply_MatchesNaiveProduct_OddShapes(int m, int n, int width)
    {
        var dense = RandomDense(m, n, 0.2, seed: m + n);
        var x = RandomDense(n, width, 1.0, seed: width);
        var a = SparseMatrix.FromDense(dense, m, n);
        var y = new float[m * width];

        a.Multiply(x, width, y, accumulate: false, threads: 1);

        var expected = NaiveProduct(dense, m, n, x, width);
        for (int i = 0; i < y.Length; i++)
        {
            Assert.Equal(expected[i], y[i], 1e-4f);
        }
    }

    [Fact]
    public void Multiply_AddsToOutput_WhenAccumulating()
    {
        var a = SparseMatrix.FromDense([1f, 0f, 2f, 0f, 0f, 3f], 2, 3);
        float[] x = [1f, 2f, 3f, 4f, 5f, 6f];
        float[] y = [100f, 200f, 300f, 400f];

        a.Multiply(x, 2, y, accumulate: true, threads: 1);

        // Row 0: 1·[1, 2] + 2·[5, 6] = [11, 14]; row 1: 3·[5, 6] = [15, 18].
        Assert.Equal([111f, 214f, 315f, 418f], y);
    }

    [Fact]
    public void Multiply_IsBitIdentical_ForAnyThreadCount()
    {
        // 3,000 rows of ~60 entries span many work pieces.
        var dense = RandomDense(3000, 200, 0.3, seed: 5);
        var x = RandomDense(200, 64, 1.0, seed: 6);
        var a = SparseMatrix.FromDense(dense, 3000, 200);
        var one = new float[3000 * 64];
        var four = new float[3000 * 64];

        a.Multiply(x, 64, one, accumulate: false, threads: 1);
        a.Multiply(x, 64, four, accumulate: false, threads: 4);

        Assert.Equal(one, four);
    }

    [Fact]
    public void Transposed_HoldsTheTranspose_AndDetectsSymmetry()
    {
        var a = SparseMatrix.FromDense([1f, 0f, 2f, 0f, 0f, 3f], 2, 3);
        Assert.False(a.IsSymmetric);
        Assert.Equal(3, a.Transposed.Rows);
        Assert.Equal([0, 1, 1, 3], a.Transposed.RowStarts.ToArray());
        Assert.Equal([0, 0, 1], a.Transposed.ColumnIndices.ToArray());
        Assert.Equal([1f, 2f, 3f], a.Transposed.Values.ToArray());
        Assert.Same(a, a.Transposed.Transposed);

        var symmetric = SparseMatrix.FromDense([0f, 2f, 0f, 2f, 0f, 5f, 0f, 5f, 1f], 3, 3);
        Assert.True(symmetric.IsSymmetric);
        Assert.Same(symmetric, symmetric.Transposed);
    }

    [Fact]
    public void FromCsr_Throws_ForInvalidArrays()
    {
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(2, 2, [0, 1], [0], [1f]));
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(1, 2, [0, 2], [1, 0], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(1, 2, [0, 2], [0, 0], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(1, 2, [0, 1], [2], [1f]));
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(1, 2, [0, 1], [0], [float.NaN]));
        Assert.Throws<ArgumentException>(() => SparseMatrix.FromCsr(1, 2, [0, 1], [0], [1f, 2f]));
    }

    [Fact]
    public void Multiply_Throws_ForShortOperands()
    {
        var a = SparseMatrix.FromDense([1f, 0f, 2f, 0f, 0f, 3f], 2, 3);
        Assert.Throws<ArgumentException>(() => a.Multiply(new float[5], 2, new float[4], accumulate: false));
        Assert.Throws<ArgumentException>(() => a.Multiply(new float[6], 2, new float[3], accumulate: false));
    }
}
