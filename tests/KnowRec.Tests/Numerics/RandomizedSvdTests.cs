using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class RandomizedSvdTests
{
    [Fact]
    public void Decompose_ReconstructsSymmetricMatrix_WithOrthonormalVectors()
    {
        double[] a = [4, 1, 2, 1, 3, 0, 2, 0, 5];
        var (values, vectors) = JacobiEigen.Decompose(a, 3);
        Assert.True(values[0] >= values[1] && values[1] >= values[2]);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double sum = 0, dot = 0;
                for (int k = 0; k < 3; k++)
                {
                    sum += vectors[(i * 3) + k] * values[k] * vectors[(j * 3) + k];
                    dot += vectors[(k * 3) + i] * vectors[(k * 3) + j];
                }

                Assert.Equal(a[(i * 3) + j], sum, 10);
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 10);
            }
        }

        // Trace and determinant are invariant: 12 and 4·15 − 1·5 + 2·(−6) = 43.
        Assert.Equal(12, values.Sum(), 10);
        Assert.Equal(43, values[0] * values[1] * values[2], 8);
    }

    [Fact]
    public void Decompose_Throws_ForAsymmetricMatrix() =>
        Assert.Throws<ArgumentException>(() => JacobiEigen.Decompose([1, 2, 3, 4], 2));

    [Theory]
    [InlineData(50, 7, 0)]
    [InlineData(300, 40, 0)]
    [InlineData(120, 33, 5)]
    public void Orthonormalize_GivesQTimesREqualToY_AndOrthonormalQ(int rows, int cols, int dependent)
    {
        var random = new SplitMix64(3);
        var y = new float[rows * cols];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = random.NextSingle() - 0.5f;
        }

        // The last columns copy earlier ones plus a multiple of another: rank cols − dependent.
        for (int c = cols - dependent; c < cols; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                y[(r * cols) + c] = y[(r * cols) + c - 3] + (2 * y[(r * cols) + 1]);
            }
        }

        var original = (float[])y.Clone();
        var rFactor = new double[cols * cols];
        int rank = GramSchmidt.Orthonormalize(y, rows, cols, rFactor, threads: 2);
        Assert.Equal(cols - dependent, rank);
        for (int i = 0; i < cols; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double dot = 0;
                for (int r = 0; r < rows; r++)
                {
                    dot += (double)y[(r * cols) + i] * y[(r * cols) + j];
                }

                bool live = rFactor[(i * cols) + i] > 0 && rFactor[(j * cols) + j] > 0;
                Assert.Equal(i == j && live ? 1.0 : 0.0, dot, 1e-5);
            }
        }

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double sum = 0;
                for (int t = 0; t <= c; t++)
                {
                    sum += y[(r * cols) + t] * rFactor[(t * cols) + c];
                }

                Assert.Equal(original[(r * cols) + c], sum, 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(60, 90, 8, 1)]
    [InlineData(90, 40, 5, 2)]
    [InlineData(30, 200, 12, 4)]
    public void Compute_MatchesDenseEigenDecomposition_OfGramMatrix(int rows, int cols, int rank, int threads)
    {
        var (a, dense) = RandomSparse(rows, cols, seed: rows + cols);
        var svd = RandomizedSvd.Compute(a, rank, oversampling: 10, powerIterations: 3, seed: 5, threads);
        Assert.Equal(rank, svd.Rank);

        // Direct computation: the eigenvalues of AAᵀ (double, Jacobi) are the squared singular values.
        var gram = new double[rows * rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < rows; j++)
            {
                double sum = 0;
                for (int c = 0; c < cols; c++)
                {
                    sum += dense[i, c] * dense[j, c];
                }

                gram[(i * rows) + j] = sum;
            }
        }

        var (values, vectors) = JacobiEigen.Decompose(gram, rows);
        for (int k = 0; k < rank; k++)
        {
            Assert.Equal(Math.Sqrt(values[k]), svd.SingularValues[k], 2e-3 * Math.Sqrt(values[0]));

            // u_k agrees with the k-th eigenvector up to sign, and A v_k = σ_k u_k up to the range finder's residual
            // (I − QQᵀ)A v_k, which these flat random spectra leave near 1e-3·σ₁ (Halko et al. 2011, Theorem 10.6).
            double dot = 0;
            for (int i = 0; i < rows; i++)
            {
                dot += vectors[(i * rows) + k] * svd.Left[(i * rank) + k];
            }

            Assert.Equal(1.0, Math.Abs(dot), 1e-3);
            for (int i = 0; i < rows; i++)
            {
                double av = 0;
                for (int c = 0; c < cols; c++)
                {
                    av += dense[i, c] * svd.Right[(c * rank) + k];
                }

                Assert.Equal(svd.SingularValues[k] * svd.Left[(i * rank) + k], av, 4e-3 * svd.SingularValues[0]);
            }
        }
    }

    [Fact]
    public void Compute_IsIdenticalForAnyThreadCount()
    {
        var (a, _) = RandomSparse(80, 120, seed: 9);
        var one = RandomizedSvd.Compute(a, 10, threads: 1);
        var two = RandomizedSvd.Compute(a, 10, threads: 2);
        Assert.Equal(one.SingularValues, two.SingularValues);
        Assert.Equal(one.Right, two.Right);
    }

    [Fact]
    public void Compute_StopsAtNumericalRank()
    {
        // Rank 3: every row is one of three patterns.
        int[] starts = [0, 2, 4, 5, 7, 9, 10];
        int[] columns = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4];
        float[] values = [1, 1, 1, 1, 1, 2, 2, 3, 3, 5];
        var a = SparseMatrix.FromCsr(6, 5, starts, columns, values);
        Assert.Equal(3, RandomizedSvd.Compute(a, 5).Rank);
    }

    // A sparse matrix with a decaying spectrum (column scales fall off), as CSR and as a dense copy.
    private static (SparseMatrix Sparse, double[,] Dense) RandomSparse(int rows, int cols, int seed)
    {
        var random = new SplitMix64((ulong)seed);
        var dense = new double[rows, cols];
        var starts = new List<int> { 0 };
        var columns = new List<int>();
        var values = new List<float>();
        for (int i = 0; i < rows; i++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (random.NextDouble() < 0.3)
                {
                    float v = (float)((random.NextDouble() + 0.1) / (1 + (0.2 * c)));
                    dense[i, c] = v;
                    columns.Add(c);
                    values.Add(v);
                }
            }

            starts.Add(columns.Count);
        }

        return (SparseMatrix.FromCsr(rows, cols, [.. starts], [.. columns], [.. values]), dense);
    }
}
