using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class ShapeAndSparseTests
{
    [Fact]
    public void Reshape_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.Mul(t, Ops.Reshape(t, x[0], [2, 3, 2]), x[1]), [GradientChecker.Random([3, 4], 1, 1f, 0f, true), GradientChecker.Random([2], 2, 1f, 0f, true)]);

    [Fact]
    public void Reshape_SharesDataAndReadsRowsAcrossLeadingDimensions()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 6]);
        var view = Ops.Reshape(new Tape(), x, [2, 3, 2]);
        Assert.Same(x.Data, view.Data);
        Assert.Equal(6, view.Rows);
        Assert.Equal(2, view.Columns);
        Assert.Throws<ArgumentException>(() => Ops.Reshape(new Tape(), x, [5, 2]));
    }

    [Fact]
    public void EmbeddingLookup_WithSparseGradient_TracksOnlyTouchedRowsAndZeroGradClearsThem()
    {
        var table = Tensor.FromArray([1, 2, 3, 4, 5, 6, 7, 8], [4, 2], requiresGrad: true).EnableSparseGradient();
        var tape = new Tape();
        var rows = Ops.EmbeddingLookup(tape, table, [2, 0, 2]);
        tape.Backward(Ops.Sum(tape, rows));

        Assert.True(table.HasSparseGradient);
        Assert.Equal([2, 0], table.TouchedRows.ToArray());
        Assert.Equal([1f, 1f, 0f, 0f, 2f, 2f, 0f, 0f], table.Grad!);

        table.ZeroGrad();
        Assert.Equal(new float[8], table.Grad!);
        Assert.Equal(0, table.TouchedRows.Length);
    }

    [Fact]
    public void DenseUseOfATrackedTable_MarksEveryRow()
    {
        var table = Tensor.FromArray([1, 2, 3, 4], [2, 2], requiresGrad: true).EnableSparseGradient();
        var tape = new Tape();
        var product = Ops.MatMul(tape, Ops.EmbeddingLookup(tape, table, [0]), table);
        tape.Backward(Ops.Sum(tape, product));
        Assert.False(table.HasSparseGradient);
    }

    [Fact]
    public void Adam_LazyUpdate_MovesOnlyTouchedRowsAndMatchesDenseAdamOnThem()
    {
        float[] start = [0.5f, -0.25f, 1f, 2f, -1f, 0.75f];
        var sparse = Tensor.FromArray(start, [3, 2], requiresGrad: true).EnableSparseGradient();
        var dense = Tensor.FromArray(start, [3, 2], requiresGrad: true);
        var sparseAdam = new Adam([sparse], learningRate: 0.1f);
        var denseAdam = new Adam([dense], learningRate: 0.1f);
        for (int step = 0; step < 3; step++)
        {
            foreach (var (table, adam) in new[] { (sparse, sparseAdam), (dense, denseAdam) })
            {
                adam.ZeroGrad();
                var tape = new Tape();
                var row = Ops.EmbeddingLookup(tape, table, [1]);
                tape.Backward(Ops.Sum(tape, Ops.Mul(tape, row, row)));
                adam.Step();
            }
        }

        // Rows 0 and 2 never received a gradient: lazy Adam leaves them, and dense Adam leaves them too (zero moments).
        Assert.Equal(start[0], sparse.Data[0]);
        Assert.Equal(start[5], sparse.Data[5]);
        Assert.Equal(dense.Data, sparse.Data);

        // Three steps of Adam on f(x) = x² move each coordinate of row 1 by about α per step towards 0.
        Assert.InRange(sparse.Data[2], 1f - 0.31f, 1f - 0.29f);
        Assert.InRange(sparse.Data[3], 2f - 0.31f, 2f - 0.29f);
    }
}

public sealed class RowReductionTests
{
    [Fact]
    public void RowSum_SumsTheLastDimension()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 2, 3]);
        var sums = Ops.RowSum(new Tape(), x);
        Assert.Equal([2, 2], sums.Shape.ToArray());
        Assert.Equal([6f, 15f, 24f, 33f], sums.Data);
        Assert.Equal([6f], Ops.RowSum(new Tape(), Tensor.FromArray([1, 2, 3], [3])).Data);
    }

    [Fact]
    public void RowSum_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.RowSum(t, x[0]), [GradientChecker.Random([2, 3, 4], 3, 1f, 0f, true)]);

    [Fact]
    public void RowDot_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.RowDot(t, x[0], x[1]), [GradientChecker.Random([5, 3], 4, 1f, 0f, true), GradientChecker.Random([5, 3], 5, 1f, 0f, true)]);
}
