using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class ShapeOpsTests
{
    private readonly Tape _tape = new();

    private static Tensor R(int[] shape, int seed, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, 1f, 0f, requiresGrad);

    private static Tensor Counting(int[] shape) =>
        Tensor.FromArray(Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(i => (float)i).ToArray(), shape);

    [Fact]
    public void Concat_JoinsRowsSideBySide()
    {
        var a = Tensor.FromArray([1, 2, 3, 4], [2, 2]);
        var b = Tensor.FromArray([5, 6], [2, 1]);

        var joined = Ops.Concat(_tape, a, b, a);

        Assert.Equal([2, 5], joined.Shape.ToArray());
        Assert.Equal([1f, 2f, 5f, 1f, 2f, 3f, 4f, 6f, 3f, 4f], joined.Data);
    }

    [Fact]
    public void Concat_GradientMatchesFiniteDifferences_Rank3AndRepeatedInput() =>
        GradientChecker.Check(
            (t, x) => Ops.Concat(t, x[0], x[1], x[0], x[2]),
            [R([2, 3, 2], 1), R([2, 3, 4], 2), R([2, 3, 1], 3, requiresGrad: false)]);

    [Fact]
    public void ConcatRows_StacksAlongTheFirstDimension()
    {
        var a = Tensor.FromArray([1, 2, 3, 4], [2, 2]);
        var b = Tensor.FromArray([5, 6], [1, 2]);

        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], Ops.ConcatRows(_tape, a, b).Data);
        Assert.Equal([3, 2], Ops.ConcatRows(_tape, a, b).Shape.ToArray());
        Assert.Equal([5], Ops.ConcatRows(_tape, Tensor.Zeros([3]), Tensor.Zeros([2])).Shape.ToArray());
    }

    [Fact]
    public void ConcatRows_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.ConcatRows(t, x[0], x[1], x[0]), [R([2, 2, 3], 4), R([1, 2, 3], 5)]);

    [Fact]
    public void Slice_KeepsAColumnRange()
    {
        var x = Counting([2, 2, 4]);

        var middle = Ops.Slice(_tape, x, 1, 2);

        Assert.Equal([2, 2, 2], middle.Shape.ToArray());
        Assert.Equal([1f, 2f, 5f, 6f, 9f, 10f, 13f, 14f], middle.Data);
        Assert.Equal([2, 2, 0], Ops.Slice(_tape, x, 4, 0).Shape.ToArray());
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(0, 4)]
    [InlineData(3, 1)]
    public void Slice_GradientMatchesFiniteDifferences(int start, int length) =>
        GradientChecker.Check((t, x) => Ops.Slice(t, x[0], start, length), [R([3, 4], 6)]);

    [Fact]
    public void SliceRows_KeepsARangeOfTheFirstDimension()
    {
        var x = Counting([4, 2, 2]);

        var rows = Ops.SliceRows(_tape, x, 1, 2);

        Assert.Equal([2, 2, 2], rows.Shape.ToArray());
        Assert.Equal(Enumerable.Range(4, 8).Select(i => (float)i), rows.Data);
    }

    [Fact]
    public void SliceRows_GradientMatchesFiniteDifferences_SlicesThatOverlap() =>
        GradientChecker.Check(
            (t, x) => Ops.Concat(t, Ops.SliceRows(t, x[0], 0, 3), Ops.SliceRows(t, x[0], 2, 3)),
            [R([5, 2], 7)]);

    [Fact]
    public void SliceAndConcat_Throw_BadArguments()
    {
        var x = Tensor.Zeros([3, 4]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Slice(_tape, x, 2, 3));
        Assert.Equal("length", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Slice(_tape, x, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Slice(_tape, x, 5, 0));
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Ops.SliceRows(_tape, x, 1, 3)).ParamName);
        Assert.Throws<ArgumentException>(() => Ops.Concat(_tape));
        Assert.Throws<ArgumentException>(() => Ops.Concat(_tape, x, Tensor.Zeros([2, 4])));
        Assert.Throws<ArgumentException>(() => Ops.Concat(_tape, x, Tensor.Zeros([1, 3, 4])));
        Assert.Throws<ArgumentException>(() => Ops.ConcatRows(_tape, x, Tensor.Zeros([3, 3])));
        Assert.Throws<ArgumentNullException>(() => Ops.Concat(_tape, x, null!));
    }

    [Fact]
    public void Transpose_SwapsTheLastTwoDimensions_MatchesNaiveLoop()
    {
        // 37 × 45 spans several 32 × 32 tiles with ragged edges.
        var x = R([2, 37, 45], 8, requiresGrad: false);

        var y = Ops.Transpose(_tape, x);

        Assert.Equal([2, 45, 37], y.Shape.ToArray());
        for (int b = 0; b < 2; b++)
        {
            for (int i = 0; i < 37; i++)
            {
                for (int j = 0; j < 45; j++)
                {
                    Assert.Equal(x.Data[(b * 37 * 45) + (i * 45) + j], y.Data[(b * 45 * 37) + (j * 37) + i]);
                }
            }
        }
    }

    [Theory]
    [InlineData(new[] { 3, 4 })]
    [InlineData(new[] { 2, 3, 2 })]
    [InlineData(new[] { 2, 1, 3, 2 })]
    public void Transpose_GradientMatchesFiniteDifferences(int[] shape) =>
        GradientChecker.Check((t, x) => Ops.Transpose(t, x[0]), [R(shape, 9)]);

    [Fact]
    public void SwapAxes12_SplitsHeads_AndTwiceIsTheIdentity()
    {
        // [B, L, h, d] = [2, 3, 2, 2]: element (b, l, h, e) moves to (b, h, l, e).
        var x = Counting([2, 3, 2, 2]);

        var heads = Ops.SwapAxes12(_tape, x);

        Assert.Equal([2, 2, 3, 2], heads.Shape.ToArray());
        Assert.Equal(x.Data[(((1 * 3) + 2) * 2 * 2) + (1 * 2) + 1], heads.Data[(((1 * 2) + 1) * 3 * 2) + (2 * 2) + 1]);
        Assert.Equal(x.Data, Ops.SwapAxes12(_tape, heads).Data);
    }

    [Fact]
    public void SwapAxes12_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.SwapAxes12(t, x[0]), [R([2, 3, 2, 2], 10)]);

    [Theory]
    [InlineData(new[] { 3, 1, 0, 2 })]
    [InlineData(new[] { 2, 0, 1, 3 })]
    [InlineData(new[] { 1, 2, 3, 0 })]
    public void Permute_MatchesNaiveIndexLoop_Rank4(int[] axes)
    {
        int[] shape = [2, 3, 4, 5];
        var x = Counting(shape);

        var y = Ops.Permute(_tape, x, axes);

        Assert.Equal(axes.Select(a => shape[a]), y.Shape.ToArray());
        int[] outShape = y.Shape.ToArray();
        int[] index = new int[4];
        for (int flat = 0; flat < y.Length; flat++)
        {
            // Output multi-index of flat, then the input element it must hold: input index[axes[k]] = output index[k].
            int rest = flat;
            int[] source = new int[4];
            for (int k = 3; k >= 0; k--)
            {
                index[k] = rest % outShape[k];
                rest /= outShape[k];
                source[axes[k]] = index[k];
            }

            int expected = (((((source[0] * 3) + source[1]) * 4) + source[2]) * 5) + source[3];
            Assert.Equal(expected, y.Data[flat]);
        }
    }

    [Theory]
    [InlineData(new[] { 3, 1, 0, 2 })]
    [InlineData(new[] { 0, 2, 1, 3 })]
    public void Permute_GradientMatchesFiniteDifferences(int[] axes) =>
        GradientChecker.Check((t, x) => Ops.Permute(t, x[0], axes), [R([2, 3, 2, 2], 11)]);

    [Fact]
    public void Permute_Throw_NotAPermutation()
    {
        var x = Tensor.Zeros([2, 3, 4]);

        Assert.Throws<ArgumentException>(() => Ops.Permute(_tape, x, 0, 1));
        Assert.Throws<ArgumentException>(() => Ops.Permute(_tape, x, 0, 1, 1));
        Assert.Throws<ArgumentException>(() => Ops.Permute(_tape, x, 0, 1, 3));
        Assert.Throws<ArgumentException>(() => Ops.Transpose(_tape, Tensor.Zeros([3])));
        Assert.Throws<ArgumentException>(() => Ops.SwapAxes12(_tape, x));
    }

    [Fact]
    public void ShapeOps_HandleEmptyTensors()
    {
        var empty = Tensor.Zeros([0, 3], requiresGrad: true);
        var tape = new Tape();

        var joined = Ops.Concat(tape, empty, Ops.Slice(tape, empty, 0, 2));
        var turned = Ops.Transpose(tape, joined);
        tape.Backward(Ops.Sum(tape, Ops.ConcatRows(tape, Ops.SliceRows(tape, turned, 1, 4), turned)));

        Assert.Equal([5, 0], turned.Shape.ToArray());
        Assert.Empty(empty.Grad!);
    }
}
