using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class MatMulThreadsTests
{
    [Fact]
    public void MatMul_UsesTheTapesThreads_AndGivesTheSameBitsForAnyCount()
    {
        (float[] Output, float[] GradA, float[] GradB) Run(int threads)
        {
            var a = Tensor.Uniform([300, 170], -1f, 1f, new Random(1), requiresGrad: true);
            var b = Tensor.Uniform([170, 260], -1f, 1f, new Random(2), requiresGrad: true);
            var tape = new Tape { Threads = threads };
            var c = Ops.MatMul(tape, a, b);
            tape.Backward(Ops.Sum(tape, Ops.Mul(tape, c, c)));
            return (c.Data, a.Grad!, b.Grad!);
        }

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Output, two.Output);
        Assert.Equal(one.GradA, two.GradA);
        Assert.Equal(one.GradB, two.GradB);
    }
}
