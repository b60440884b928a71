using KnowRec.Numerics;

namespace KnowRec.Tests.Numerics;

/// <summary>Naive, obviously correct dense kernels in double precision that the fast kernels are checked against.</summary>
internal static class Reference
{
    public static double[] RandomMatrix(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble() - 0.5)];
    }

    /// <summary>Element (i, j) of op(M) for M stored row-major with leading dimension ld.</summary>
    public static double At(double[] m, int ld, MatrixOp op, int i, int j) => op == MatrixOp.None ? m[(i * ld) + j] : m[(j * ld) + i];

    public static double[] Gemm(MatrixOp opA, MatrixOp opB, int m, int n, int k, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        var result = (double[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += At(a, lda, opA, i, p) * At(b, ldb, opB, p, j);
                }

                result[(i * ldc) + j] = (alpha * sum) + (beta == 0 ? 0 : beta * c[(i * ldc) + j]);
            }
        }

        return result;
    }

    /// <summary>A = BᵀB + n·I, symmetric positive definite and well conditioned.</summary>
    public static double[] SpdMatrix(int n, int seed)
    {
        var b = RandomMatrix(n, n, seed);
        var a = Gemm(MatrixOp.Transpose, MatrixOp.None, n, n, n, 1, b, n, b, n, 0, new double[n * n], n);
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] += n;
        }

        return a;
    }
}
