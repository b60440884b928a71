using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class OpsForwardTests
{
    private readonly Tape _tape = new();

    [Fact]
    public void MatMul_MatchesHandComputedProduct()
    {
        var a = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
        var b = Tensor.FromArray([7f, 8f, 9f, 10f, 11f, 12f], [3, 2]);

        var c = Ops.MatMul(_tape, a, b);

        Assert.Equal([2, 2], c.Shape.ToArray());
        Assert.Equal([58f, 64f, 139f, 154f], c.Data);
    }

    [Fact]
    public void Add_BroadcastsRowVectorOverEveryRow()
    {
        var a = Tensor.FromArray([1f, 2f, 3f, 4f], [2, 2]);
        var bias = Tensor.FromArray([10f, 20f], [2]);

        Assert.Equal([11f, 22f, 13f, 24f], Ops.Add(_tape, a, bias).Data);
        Assert.Equal([11f, 22f, 13f, 24f], Ops.Add(_tape, bias, a).Data);
    }

    [Fact]
    public void Mul_BroadcastsRowVectorOverEveryRow()
    {
        var a = Tensor.FromArray([1f, 2f, 3f, 4f], [2, 2]);
        var scale = Tensor.FromArray([10f, -1f], [1, 2]);

        Assert.Equal([10f, -2f, 30f, -4f], Ops.Mul(_tape, a, scale).Data);
    }

    [Fact]
    public void LogSoftmax_MatchesHandComputedValues()
    {
        // log(e⁰ + e⁻¹ + e⁻²) = 0.40760596 after subtracting the row maximum 3.
        var x = Tensor.FromArray([1f, 2f, 3f, 0f, 0f, 0f], [2, 3]);

        var y = Ops.LogSoftmax(_tape, x);

        float[] expected = [-2.40760596f, -1.40760596f, -0.40760596f, -1.09861229f, -1.09861229f, -1.09861229f];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], y.Data[i], 5);
        }
    }

    [Fact]
    public void LogSoftmax_StaysFinite_LargeInputs()
    {
        var x = Tensor.FromArray([1000f, 1001f, -1000f, -1001f], [2, 2], requiresGrad: true);
        var tape = new Tape();

        var y = Ops.LogSoftmax(tape, x);
        tape.Backward(Ops.Sum(tape, y));

        // log(1 + e) = 1.31326169: a naive exp(1000) would overflow to infinity and give NaN.
        Assert.Equal(-1.31326169f, y.Data[0], 4);
        Assert.Equal(-0.31326169f, y.Data[1], 4);
        Assert.Equal(-0.31326169f, y.Data[2], 4);
        Assert.Equal(-1.31326169f, y.Data[3], 4);
        Assert.All(x.Grad!, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void Sigmoid_SaturatesWithoutNaN_LargeInputs()
    {
        var y = Ops.Sigmoid(_tape, Tensor.FromArray([-1000f, 0f, 1000f], [3]));

        Assert.Equal([0f, 0.5f, 1f], y.Data);
    }

    [Fact]
    public void ReLU_And_Tanh_MatchHandComputedValues()
    {
        var x = Tensor.FromArray([-2f, 0f, 0.5f], [3]);

        Assert.Equal([0f, 0f, 0.5f], Ops.ReLU(_tape, x).Data);
        Assert.Equal(MathF.Tanh(0.5f), Ops.Tanh(_tape, x).Data[2]);
    }

    [Fact]
    public void SumAndMean_MatchHandComputedValues()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 6f], [2, 2]);

        Assert.Equal([12f], Ops.Sum(_tape, x).Data);
        Assert.Equal([3f], Ops.Mean(_tape, x).Data);
    }

    [Fact]
    public void MeanSquaredError_MatchesHandComputedValue()
    {
        var loss = Ops.MeanSquaredError(_tape, Tensor.FromArray([1f, 2f, 3f], [3]), Tensor.FromArray([1f, 1f, 1f], [3]));

        Assert.Equal(5f / 3f, loss.Data[0], 6);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_MatchesHandComputedValue_IncludingLargeLogits()
    {
        // Terms: log 2 for x = 0, y = 1; 1000 for a confident wrong answer; 0 for a confident right one.
        var logits = Tensor.FromArray([0f, 1000f, -1000f], [3]);
        var targets = Tensor.FromArray([1f, 0f, 0f], [3]);

        var loss = Ops.BinaryCrossEntropyWithLogits(_tape, logits, targets);

        Assert.Equal((MathF.Log(2f) + 1000f) / 3f, loss.Data[0], 3);
    }

    [Fact]
    public void EmbeddingLookup_CopiesTheIndexedRows()
    {
        var table = Tensor.FromArray([0f, 1f, 10f, 11f, 20f, 21f], [3, 2]);

        var rows = Ops.EmbeddingLookup(_tape, table, [2, 0, 2]);

        Assert.Equal([3, 2], rows.Shape.ToArray());
        Assert.Equal([20f, 21f, 0f, 1f, 20f, 21f], rows.Data);
    }

    [Fact]
    public void EmbeddingLookup_Throws_IndexOutsideTable()
    {
        var table = Tensor.Zeros([3, 2]);

        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.EmbeddingLookup(_tape, table, [3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.EmbeddingLookup(_tape, table, [-1]));
    }

    [Fact]
    public void AddAndMatMul_Throw_IncompatibleShapes()
    {
        var a = Tensor.Zeros([2, 3]);

        Assert.Throws<ArgumentException>(() => Ops.Add(_tape, a, Tensor.Zeros([2])));
        Assert.Throws<ArgumentException>(() => Ops.Mul(_tape, a, Tensor.Zeros([3, 2])));
        Assert.Throws<ArgumentException>(() => Ops.MatMul(_tape, a, Tensor.Zeros([2, 3])));
        Assert.Throws<ArgumentException>(() => Ops.MeanSquaredError(_tape, a, Tensor.Zeros([3, 2])));
    }
}
