using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class GatherScatterTests
{
    private readonly Tape _tape = new();

    private static Tensor R(int[] shape, int seed, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, 1f, 0f, requiresGrad);

    [Fact]
    public void Gather_CopiesRowsOfAnyRank_MatchesNaiveLoop()
    {
        var x = R([2, 3, 4], 1, requiresGrad: false);
        int[] indices = [5, 0, 5, 3];

        var rows = Ops.Gather(_tape, x, indices);

        Assert.Equal([4, 4], rows.Shape.ToArray());
        for (int r = 0; r < indices.Length; r++)
        {
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(x.Data[(indices[r] * 4) + j], rows.Data[(r * 4) + j]);
            }
        }
    }

    [Theory]
    [InlineData(new[] { 5, 3 }, new[] { 4, 0, 4, 2, 4 })]
    [InlineData(new[] { 2, 2, 3 }, new[] { 3, 1 })]
    [InlineData(new[] { 6 }, new[] { 0, 0 })]
    public void Gather_GradientMatchesFiniteDifferences(int[] shape, int[] indices) =>
        GradientChecker.Check((t, x) => Ops.Gather(t, x[0], indices), [R(shape, 2)]);

    [Fact]
    public void Gather_GradientMatchesFiniteDifferences_OfAnIntermediate() =>
        GradientChecker.Check(
            (t, x) => Ops.Gather(t, Ops.Tanh(t, Ops.MatMul(t, x[0], x[1])), [2, 0, 2]),
            [R([3, 4], 3), R([4, 2], 4)]);

    [Fact]
    public void Gather_WithSparseGradient_RecordsOnlyTheGatheredRows()
    {
        var table = Tensor.FromArray([1, 2, 3, 4, 5, 6, 7, 8], [4, 2], requiresGrad: true).EnableSparseGradient();
        var tape = new Tape();

        tape.Backward(Ops.Sum(tape, Ops.Gather(tape, table, [3, 1, 3])));

        Assert.Equal([3, 1], table.TouchedRows.ToArray());
        Assert.Equal([0f, 0f, 1f, 1f, 0f, 0f, 2f, 2f], table.Grad!);
    }

    [Fact]
    public void ScatterAdd_AddsRowsAtTheirTargets_RepeatsSum()
    {
        var source = Tensor.FromArray([1, 2, 10, 20, 100, 200], [3, 2]);

        var output = Ops.ScatterAdd(_tape, source, [2, 0, 2], 4);

        Assert.Equal([4, 2], output.Shape.ToArray());
        Assert.Equal([10f, 20f, 0f, 0f, 101f, 202f, 0f, 0f], output.Data);
    }

    [Theory]
    [InlineData(new[] { 3, 2 }, new[] { 2, 0, 2 }, 4)]
    [InlineData(new[] { 2, 2, 3 }, new[] { 1, 1, 0, 1 }, 2)]
    public void ScatterAdd_GradientMatchesFiniteDifferences(int[] shape, int[] indices, int rows) =>
        GradientChecker.Check((t, x) => Ops.ScatterAdd(t, x[0], indices, rows), [R(shape, 5)]);

    [Fact]
    public void ScatterAdd_IsTheTransposeOfGather()
    {
        // ⟨Gather(x, i), y⟩ = ⟨x, ScatterAdd(y, i)⟩ for every x, y: the defining property of a transpose.
        var x = R([5, 3], 6, requiresGrad: false);
        var y = R([4, 3], 7, requiresGrad: false);
        int[] indices = [4, 1, 4, 0];

        float left = Ops.Sum(_tape, Ops.Mul(_tape, Ops.Gather(_tape, x, indices), y)).Data[0];
        float right = Ops.Sum(_tape, Ops.Mul(_tape, x, Ops.ScatterAdd(_tape, y, indices, 5))).Data[0];

        Assert.Equal(left, right, 5);
    }

    [Fact]
    public void GatherAndScatter_HandleEmptyIndices()
    {
        var x = R([3, 2], 8);
        var tape = new Tape();

        var none = Ops.Gather(tape, x, []);
        var zeros = Ops.ScatterAdd(tape, none, [], 3);
        tape.Backward(Ops.Add(tape, Ops.Sum(tape, zeros), Ops.L2(tape, x, 0f)));

        Assert.Equal([0, 2], none.Shape.ToArray());
        Assert.Equal(new float[6], zeros.Data);
        Assert.Equal(new float[6], x.Grad!);
    }

    [Fact]
    public void GatherAndScatter_Throw_BadIndices()
    {
        var x = Tensor.Zeros([3, 2]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Gather(_tape, x, [0, 3]));
        Assert.Contains("Index 1 is 3, outside the 3 rows", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Gather(_tape, x, [-1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.ScatterAdd(_tape, x, [0, 1, 5], 5 - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.ScatterAdd(_tape, x, [0, 1, 2], -1));
        Assert.Throws<ArgumentException>(() => Ops.ScatterAdd(_tape, x, [0, 1], 4));
        Assert.Throws<ArgumentNullException>(() => Ops.Gather(_tape, x, null!));
    }

    [Fact]
    public void Gather_KeepsItsOwnCopyOfTheIndices()
    {
        var x = R([3, 2], 9);
        var tape = new Tape();
        int[] indices = [0, 0];

        var rows = Ops.Gather(tape, x, indices);
        indices[0] = 2;
        tape.Backward(Ops.Sum(tape, rows));

        Assert.Equal([2f, 2f, 0f, 0f, 0f, 0f], x.Grad!);
    }
}
