using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class TensorArenaTests
{
    private const int Large = TensorArena.MinimumLength;

    [Fact]
    public void Zeros_ReusesTheBuffer_AfterReset_AndClearsIt()
    {
        var arena = new TensorArena();
        float[] first;
        using (arena.Activate())
        {
            var t = Tensor.Zeros([Large]);
            t.Data.AsSpan().Fill(3f);
            first = t.Data;
        }

        Assert.Equal(1, arena.Lent);
        arena.Reset();
        Assert.Equal(0, arena.Lent);
        using (arena.Activate())
        {
            var again = Tensor.Zeros([2, Large / 2]);
            Assert.Same(first, again.Data);
            Assert.All(again.Data, v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void Zeros_AllocatesAsUsual_ForSmallTensorsOrWithoutArena()
    {
        var arena = new TensorArena();
        using (arena.Activate())
        {
            _ = Tensor.Zeros([Large - 1]);
        }

        Assert.Equal(0, arena.Lent);
        _ = Tensor.Zeros([Large]);
        Assert.Equal(0, arena.Lent);
    }

    [Fact]
    public void Gradient_OfTensorCreatedOutside_IsNeverLent()
    {
        // A parameter made before the arena is active keeps its own gradient buffer across resets, even though that
        // buffer is first allocated during a backward pass run under the arena.
        var parameter = Tensor.Zeros([Large], requiresGrad: true);
        var arena = new TensorArena();
        for (int step = 0; step < 2; step++)
        {
            arena.Reset();
            using var scope = arena.Activate();
            var tape = new Tape();
            tape.Backward(Ops.Sum(tape, Ops.Mul(tape, parameter, Tensor.Zeros([Large]))));
        }

        // The step lent three buffers (the constant, the product and its gradient); none of them is the parameter's.
        Assert.Equal(3, arena.Lent);
        Assert.NotNull(parameter.Grad);
        arena.Reset();
        using (arena.Activate())
        {
            for (int k = 0; k < 4; k++)
            {
                Assert.NotSame(parameter.Grad, Tensor.Zeros([Large]).Data);
            }
        }
    }

    [Fact]
    public void Training_GivesSameGradients_WithAndWithoutArena()
    {
        float[] Gradient(TensorArena? arena)
        {
            var weights = GradientChecker.Random([Large / 8, 8], 1);
            for (int step = 0; step < 3; step++)
            {
                arena?.Reset();
                using var scope = arena?.Activate();
                weights.ZeroGrad();
                var tape = new Tape();
                var hidden = Ops.Tanh(tape, Ops.Mul(tape, weights, weights));
                tape.Backward(Ops.SquaredNorm(tape, hidden, 0.5f));
            }

            return weights.Grad!;
        }

        Assert.Equal(Gradient(null), Gradient(new TensorArena()));
    }

    [Fact]
    public void Activate_RestoresThePreviousArena_OnDispose()
    {
        var outer = new TensorArena();
        var inner = new TensorArena();
        using (outer.Activate())
        {
            using (inner.Activate())
            {
                _ = Tensor.Zeros([Large]);
            }

            _ = Tensor.Zeros([Large]);
        }

        _ = Tensor.Zeros([Large]);
        Assert.Equal(1, inner.Lent);
        Assert.Equal(1, outer.Lent);
    }
}
