using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class GemmTests
{
    public static TheoryData<int, int, int, MatrixOp, MatrixOp> Shapes()
    {
        var data = new TheoryData<int, int, int, MatrixOp, MatrixOp>();
        (int M, int N, int K)[] shapes =
        [
            (1, 1, 1), (3, 3, 3), (7, 7, 7), (17, 17, 17), (63, 63, 63), (65, 65, 65), (129, 129, 129),
            (1, 65, 7), (65, 1, 3), (17, 129, 1), (129, 17, 300), (7, 530, 63), (300, 33, 17), (3, 4100, 5),
        ];
        foreach (var (m, n, k) in shapes)
        {
            foreach (var opA in new[] { MatrixOp.None, MatrixOp.Transpose })
            {
                foreach (var opB in new[] { MatrixOp.None, MatrixOp.Transpose })
                {
                    data.Add(m, n, k, opA, opB);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_MatchesNaiveReference_ForDouble(int m, int n, int k, MatrixOp opA, MatrixOp opB)
    {
        var (lda, ldb, ldc) = (Columns(opA, m, k) + 2, Columns(opB, k, n) + 1, n + 3);
        var a = Reference.RandomMatrix(Rows(opA, m, k), lda, 1);
        var b = Reference.RandomMatrix(Rows(opB, k, n), ldb, 2);
        var c = Reference.RandomMatrix(m, ldc, 3);
        var expected = Reference.Gemm(opA, opB, m, n, k, 0.75, a, lda, b, ldb, -1.5, c, ldc);
        Gemm.Multiply(opA, opB, m, n, k, 0.75, a, lda, b, ldb, -1.5, c, ldc);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(expected[i], c[i], 1e-12 * (k + 1));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_MatchesNaiveReference_ForSingle(int m, int n, int k, MatrixOp opA, MatrixOp opB)
    {
        var (lda, ldb, ldc) = (Columns(opA, m, k), Columns(opB, k, n), n);
        var a = Reference.RandomMatrix(Rows(opA, m, k), lda, 4);
        var b = Reference.RandomMatrix(Rows(opB, k, n), ldb, 5);
        var c = Reference.RandomMatrix(m, ldc, 6);
        var expected = Reference.Gemm(opA, opB, m, n, k, 1, a, lda, b, ldb, 1, c, ldc);
        var actual = c.Select(x => (float)x).ToArray();
        Gemm.Multiply(opA, opB, m, n, k, 1f, [.. a.Select(x => (float)x)], lda, [.. b.Select(x => (float)x)], ldb, 1f, actual, ldc);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5 * (k + 1));
        }
    }

    [Fact]
    public void Multiply_IgnoresNaNInC_WhenBetaIsZero()
    {
        float[] c = [float.NaN, float.NaN];
        Gemm.Multiply(MatrixOp.None, MatrixOp.None, 1, 2, 1, 2f, [3f], 1, [1f, 2f], 2, 0f, c, 2);
        Assert.Equal([6f, 12f], c);
    }

    [Fact]
    public void Multiply_UsesScalarKernel_ForOtherElementTypes()
    {
        var a = Reference.RandomMatrix(9, 5, 7);
        var b = Reference.RandomMatrix(5, 11, 8);
        var expected = Reference.Gemm(MatrixOp.None, MatrixOp.None, 9, 11, 5, 1, a, 5, b, 11, 0, new double[99], 11);
        var c = new decimal[99];
        Gemm.Multiply(MatrixOp.None, MatrixOp.None, 9, 11, 5, 1m, [.. a.Select(x => (decimal)x)], 5, [.. b.Select(x => (decimal)x)], 11, 0m, c, 11);
        Assert.All(Enumerable.Range(0, 99), i => Assert.Equal(expected[i], (double)c[i], 1e-12));
    }

    [Fact]
    public void Multiply_Throws_WhenSpanIsTooShort() =>
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(MatrixOp.None, MatrixOp.None, 2, 2, 2, 1f, new float[3], 2, new float[4], 2, 0f, new float[4], 2));

    private static int Rows(MatrixOp op, int rows, int columns) => op == MatrixOp.None ? rows : columns;

    private static int Columns(MatrixOp op, int rows, int columns) => op == MatrixOp.None ? columns : rows;
}
