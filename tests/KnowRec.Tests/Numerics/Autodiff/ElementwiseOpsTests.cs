using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class ElementwiseOpsTests
{
    private readonly Tape _tape = new();

    private static Tensor R(int[] shape, int seed, float scale = 1f, float gap = 0f, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, scale, gap, requiresGrad);

    [Fact]
    public void Sub_MatchesHandComputedValues_BroadcastOnEitherSide()
    {
        var a = Tensor.FromArray([1f, 2f, 3f, 4f], [2, 2]);
        var row = Tensor.FromArray([10f, 20f], [2]);

        Assert.Equal([0f, 0f, 0f, 0f], Ops.Sub(_tape, a, a).Data);
        Assert.Equal([-9f, -18f, -7f, -16f], Ops.Sub(_tape, a, row).Data);
        Assert.Equal([9f, 18f, 7f, 16f], Ops.Sub(_tape, row, a).Data);
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4 })]
    [InlineData(new[] { 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 1, 5 }, new[] { 2, 2, 5 })]
    public void Sub_GradientMatchesFiniteDifferences(int[] aShape, int[] bShape) =>
        GradientChecker.Check((t, x) => Ops.Sub(t, x[0], x[1]), [R(aShape, 1), R(bShape, 2)]);

    [Fact]
    public void Sub_GradientIsZero_SameTensorOnBothSides()
    {
        var x = R([2, 3], 3);
        var tape = new Tape();
        tape.Backward(Ops.Sum(tape, Ops.Mul(tape, Ops.Sub(tape, x, x), R([2, 3], 4, requiresGrad: false))));
        Assert.All(x.Grad!, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Add_GradientMatchesFiniteDifferences_RowBroadcastOverRank4() =>
        GradientChecker.Check((t, x) => Ops.Add(t, x[0], x[1]), [R([2, 2, 2, 3], 5), R([1, 3], 6)]);

    [Fact]
    public void Mul_GradientMatchesFiniteDifferences_RowFirstOverRank3() =>
        GradientChecker.Check((t, x) => Ops.Mul(t, x[0], x[1]), [R([3], 7), R([2, 2, 3], 8)]);

    [Fact]
    public void Scale_MatchesHandComputedValuesAndGradient()
    {
        var x = Tensor.FromArray([1f, -2f, 0.5f], [3], requiresGrad: true);
        var tape = new Tape();

        var y = Ops.Scale(tape, x, -3f);
        tape.Backward(Ops.Sum(tape, y));

        Assert.Equal([-3f, 6f, -1.5f], y.Data);
        Assert.Equal([-3f, -3f, -3f], x.Grad!);
    }

    [Theory]
    [InlineData(2.5f)]
    [InlineData(-0.5f)]
    [InlineData(0f)]
    public void Scale_GradientMatchesFiniteDifferences(float factor)
    {
        // A zero factor gives a zero gradient, which the checker rejects as proving nothing; add x to keep it live.
        GradientChecker.Check((t, x) => Ops.Add(t, Ops.Scale(t, x[0], factor), x[0]), [R([3, 4], 9)]);
    }

    [Fact]
    public void GELU_MatchesTanhApproximation_ReferenceValues()
    {
        // torch.nn.functional.gelu(x, approximate="tanh") in float64.
        float[] x = [-3f, -1f, 0f, 0.5f, 1f, 2f, 4f];
        double[] expected = [-0.0036373921, -0.1588080094, 0, 0.3457140098, 0.8411919906, 1.9545976941, 3.9999297541];

        var y = Ops.GELU(_tape, Tensor.FromArray(x, [7]));

        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(expected[i], y.Data[i], 1e-6);
        }
    }

    [Fact]
    public void GELU_MatchesDoubleFormula_AcrossVectorBodyAndTail()
    {
        // 1,000 elements: whole scratch chunks, SIMD bodies and scalar tails.
        var x = R([10, 100], 11, scale: 6f);

        var y = Ops.GELU(_tape, x);

        for (int i = 0; i < x.Length; i++)
        {
            double v = x.Data[i];
            double expected = 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + (0.044715 * v * v * v))));
            Assert.Equal(expected, y.Data[i], 2e-6 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Theory]
    [InlineData(new[] { 4, 5 }, 3f)]
    [InlineData(new[] { 2, 2, 3 }, 0.5f)]
    public void GELU_GradientMatchesFiniteDifferences(int[] shape, float scale) =>
        GradientChecker.Check((t, x) => Ops.GELU(t, x[0]), [R(shape, 12, scale: scale)]);

    [Fact]
    public void L2_MatchesHandComputedValue()
    {
        var x = Tensor.FromArray([3f, -4f], [2]);

        Assert.Equal([12.5f], Ops.L2(_tape, x).Data);
        Assert.Equal([1.25f], Ops.L2(_tape, x, 0.1f).Data);
        Assert.Equal([0f], Ops.L2(_tape, Tensor.Zeros([0])).Data);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(0.3f)]
    public void L2_GradientMatchesFiniteDifferences(float scale) =>
        GradientChecker.Check((t, x) => Ops.L2(t, x[0], scale), [R([2, 3, 2], 10)]);

    [Fact]
    public void ElementwiseOps_HandleEmptyTensors()
    {
        var empty = Tensor.Zeros([0, 3], requiresGrad: true);
        var row = Tensor.Zeros([3], requiresGrad: true);
        var tape = new Tape();

        var total = Ops.Sum(tape, Ops.GELU(tape, Ops.Sigmoid(tape, Ops.Tanh(tape, Ops.ReLU(tape, Ops.Sub(tape, Ops.Mul(tape, Ops.Scale(tape, empty, 2f), row), row))))));
        tape.Backward(total);

        Assert.Equal([0f], total.Data);
        Assert.Empty(empty.Grad!);
        Assert.Equal(new float[3], row.Grad!);
        Assert.Throws<ArgumentException>(() => Ops.Mean(tape, empty));
        Assert.Throws<ArgumentException>(() => Ops.MeanSquaredError(tape, empty, empty));
    }

    [Fact]
    public void BinaryOps_Throw_ShapesThatNeitherMatchNorBroadcast()
    {
        var matrix = Tensor.Zeros([2, 3]);

        // A column vector, a transposed matrix, and a row of the wrong width do not broadcast; neither do two vectors.
        var error = Assert.Throws<ArgumentException>(() => Ops.Sub(_tape, matrix, Tensor.Zeros([2, 1])));
        Assert.Contains("[2, 3] and [2, 1]", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Ops.Add(_tape, matrix, Tensor.Zeros([3, 2])));
        Assert.Throws<ArgumentException>(() => Ops.Mul(_tape, Tensor.Zeros([4]), matrix));
        Assert.Throws<ArgumentException>(() => Ops.Add(_tape, Tensor.Zeros([3]), Tensor.Zeros([1])));
        Assert.Throws<ArgumentNullException>(() => Ops.Scale(_tape, null!, 1f));
    }
}
