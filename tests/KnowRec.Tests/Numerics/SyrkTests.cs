using KnowRec.Data;
using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Numerics;

public sealed class SyrkTests
{
    [Theory]
    [InlineData(1, 1, MatrixOp.None)]
    [InlineData(3, 7, MatrixOp.Transpose)]
    [InlineData(17, 3, MatrixOp.None)]
    [InlineData(63, 65, MatrixOp.Transpose)]
    [InlineData(65, 63, MatrixOp.None)]
    [InlineData(129, 17, MatrixOp.Transpose)]
    [InlineData(400, 33, MatrixOp.None)]
    [InlineData(401, 7, MatrixOp.Transpose)]
    public void Multiply_MatchesReference_AndLeavesUpperUntouched(int n, int k, MatrixOp op)
    {
        int lda = (op == MatrixOp.None ? k : n) + 1;
        var a = Reference.RandomMatrix(op == MatrixOp.None ? n : k, lda, n);
        var c = Reference.RandomMatrix(n, n, k);
        var expected = Reference.Gemm(op, Flip(op), n, n, k, 2, a, lda, a, lda, 0.5, c, n);
        var lower = (double[])c.Clone();
        Syrk.Multiply(op, n, k, 2.0, a, lda, 0.5, lower, n);
        var full = (double[])c.Clone();
        Syrk.Multiply(op, n, k, 2.0, a, lda, 0.5, full, n, SymmetricFill.Full);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(j <= i ? expected[(i * n) + j] : c[(i * n) + j], lower[(i * n) + j], 1e-12 * (k + 1));
                Assert.Equal(expected[(Math.Max(i, j) * n) + Math.Min(i, j)], full[(i * n) + j], 1e-12 * (k + 1));
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gram_EqualsDenseProduct_ForSparseMatrix(bool binary)
    {
        var random = new Random(3);
        int users = 70;
        int items = 41;
        var entries = new List<Interaction>();
        for (int u = 0; u < users; u++)
        {
            foreach (int i in Enumerable.Range(0, items).Where(_ => random.NextDouble() < 0.2))
            {
                entries.Add(new Interaction(u, i, random.Next(1, 6)));
            }
        }

        var x = InteractionMatrix.FromEntries(users, items, entries);
        var dense = new double[users * items];
        foreach (var e in entries)
        {
            dense[(e.User * items) + e.Item] = binary ? 1 : e.Value;
        }

        var expected = Reference.Gemm(MatrixOp.Transpose, MatrixOp.None, items, items, users, 1, dense, items, dense, items, 0, new double[items * items], items);
        var gram = new float[items * items];
        Syrk.Gram(x, gram, binary);
        Assert.All(Enumerable.Range(0, gram.Length), i => Assert.Equal(expected[i], gram[i]));
    }

    private static MatrixOp Flip(MatrixOp op) => op == MatrixOp.None ? MatrixOp.Transpose : MatrixOp.None;
}
