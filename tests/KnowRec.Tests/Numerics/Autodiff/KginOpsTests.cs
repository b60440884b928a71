using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class KginOpsTests
{
    // Rows: 0 → (col 1, rel 0, 0.5), (col 2, rel 1, 0.5); 1 → none; 2 → (col 0, rel 1, 1), (col 2, rel 1, -0.25); 3 → (col 2, rel 0, 2).
    private static RelationalAdjacency Small() =>
        new(4, 3, 2, [0, 2, 2, 4, 5], [1, 2, 0, 2, 2], [0, 1, 1, 1, 0], [0.5f, 0.5f, 1f, -0.25f, 2f]);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void RelationalAggregate_GradientMatchesFiniteDifferences(int width) =>
        GradientChecker.Check((t, x) => Ops.RelationalAggregate(t, Small(), x[0], x[1]), [GradientChecker.Random([3, width], 21), GradientChecker.Random([2, width], 22)]);

    [Fact]
    public void RelationalAggregate_GradientMatchesFiniteDifferences_StackedTwice()
    {
        // Square adjacency applied twice, as hops are: the second hop reads the first's output.
        var a = new RelationalAdjacency(3, 3, 2, [0, 2, 3, 4], [1, 2, 0, 0], [0, 1, 1, 0], [0.5f, 0.5f, 1f, 1f]);
        GradientChecker.Check(
            (t, x) => Ops.RelationalAggregate(t, a, Ops.RelationalAggregate(t, a, x[0], x[1]), x[1]),
            [GradientChecker.Random([3, 4], 23), GradientChecker.Random([2, 4], 24)]);
    }

    [Fact]
    public void RelationalAggregate_MatchesNaiveLoop()
    {
        var a = Small();
        var x = GradientChecker.Random([3, 4], 25, requiresGrad: false);
        var rel = GradientChecker.Random([2, 4], 26, requiresGrad: false);
        var y = Ops.RelationalAggregate(new Tape(), a, x, rel);
        (int Row, int Column, int Relation, float Weight)[] entries = [(0, 1, 0, 0.5f), (0, 2, 1, 0.5f), (2, 0, 1, 1f), (2, 2, 1, -0.25f), (3, 2, 0, 2f)];
        var expected = new double[4 * 4];
        foreach (var (row, column, relation, weight) in entries)
        {
            for (int j = 0; j < 4; j++)
            {
                expected[(row * 4) + j] += weight * (double)rel.Data[(relation * 4) + j] * x.Data[(column * 4) + j];
            }
        }

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], y.Data[i], 1e-5);
        }
    }

    [Fact]
    public void RelationalAggregate_GivesSameResultsAndGradients_ForAnyThreadCount()
    {
        // 3,000 rows of 6 entries over 64 columns: the forward and backward loops run in several blocks.
        int rows = 3000, columns = 64, d = 32, per = 6;
        var random = new Random(5);
        int[] starts = [.. Enumerable.Range(0, rows + 1).Select(r => r * per)];
        int[] cols = [.. Enumerable.Range(0, rows * per).Select(_ => random.Next(columns))];
        int[] rels = [.. Enumerable.Range(0, rows * per).Select(_ => random.Next(3))];
        float[] weights = [.. Enumerable.Range(0, rows * per).Select(_ => (float)random.NextDouble())];
        var a = new RelationalAdjacency(rows, columns, 3, starts, cols, rels, weights);
        (float[] Y, float[] Gx, float[] Gr) Run(int threads)
        {
            var x = GradientChecker.Random([columns, d], 27);
            var r = GradientChecker.Random([3, d], 28);
            var tape = new Tape { Threads = threads };
            var y = Ops.RelationalAggregate(tape, a, x, r);
            tape.Backward(Ops.Sum(tape, Ops.Mul(tape, y, y)));
            return (y.Data, x.Grad!, r.Grad!);
        }

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Y, two.Y);
        Assert.Equal(one.Gx, two.Gx);
        Assert.Equal(one.Gr, two.Gr);
    }

    [Fact]
    public void RelationalAdjacency_Throws_ForBadEntries()
    {
        Assert.Throws<ArgumentException>(() => new RelationalAdjacency(1, 2, 1, [0, 1], [2], [0], [1f]));
        Assert.Throws<ArgumentException>(() => new RelationalAdjacency(1, 2, 1, [0, 1], [1], [1], [1f]));
        Assert.Throws<ArgumentException>(() => new RelationalAdjacency(1, 2, 1, [0, 2], [1], [0], [1f]));
        Assert.Throws<ArgumentException>(() => Ops.RelationalAggregate(new Tape(), Small(), Tensor.Zeros([2, 3]), Tensor.Zeros([2, 3])));
    }
}
