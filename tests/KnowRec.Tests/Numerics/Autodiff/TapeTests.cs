using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class TapeTests
{
    [Fact]
    public void Ops_RecordNothing_WhenNoInputRequiresGrad()
    {
        var tape = new Tape();
        var x = Tensor.FromArray([1f, 2f], [1, 2]);

        var y = Ops.Sum(tape, Ops.Tanh(tape, Ops.MatMul(tape, x, Tensor.FromArray([3f, 4f], [2, 1]))));

        Assert.Equal(0, tape.Count);
        Assert.False(y.RequiresGrad);
    }

    [Fact]
    public void Backward_GivesHandComputedGradient_ProductOfTwoInputs()
    {
        var tape = new Tape();
        var a = Tensor.FromArray([2f, 3f], [2], requiresGrad: true);
        var b = Tensor.FromArray([5f, 7f], [2], requiresGrad: true);

        tape.Backward(Ops.Sum(tape, Ops.Mul(tape, a, b)));

        Assert.Equal([5f, 7f], a.Grad!);
        Assert.Equal([2f, 3f], b.Grad!);
    }

    [Fact]
    public void Backward_AccumulatesIntoLeafGradients_UntilZeroGrad()
    {
        var x = Tensor.FromArray([1f, 2f], [2], requiresGrad: true);
        var tape = new Tape();
        for (int pass = 0; pass < 2; pass++)
        {
            tape.Backward(Ops.Mean(tape, x));
        }

        Assert.Equal([1f, 1f], x.Grad!);
        x.ZeroGrad();
        Assert.Equal([0f, 0f], x.Grad!);
    }

    [Fact]
    public void Clear_ForgetsRecordedSteps()
    {
        var tape = new Tape();
        Ops.Sum(tape, Tensor.Zeros([3], requiresGrad: true));
        Assert.Equal(1, tape.Count);

        tape.Clear();

        Assert.Equal(0, tape.Count);
    }

    [Fact]
    public void Backward_ConsumesTheTape_SecondCallThrows()
    {
        var tape = new Tape();
        var x = Tensor.FromArray([1f, 2f], [2], requiresGrad: true);
        var loss = Ops.Sum(tape, Ops.Tanh(tape, x));

        tape.Backward(loss);

        Assert.Equal(0, tape.Count);
        Assert.Throws<InvalidOperationException>(() => tape.Backward(loss));
    }

    [Fact]
    public void Backward_Throws_NonScalarLoss()
    {
        var tape = new Tape();
        var y = Ops.ReLU(tape, Tensor.Zeros([2], requiresGrad: true));

        Assert.Throws<ArgumentException>(() => tape.Backward(y));
    }

    [Fact]
    public void Backward_Throws_LossWithoutGradient()
    {
        var tape = new Tape();

        Assert.Throws<ArgumentException>(() => tape.Backward(Ops.Sum(tape, Tensor.Zeros([2]))));
    }
}
