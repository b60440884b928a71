using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;
using static KnowRec.Tests.Numerics.Optimizers.OptimizerKit;

namespace KnowRec.Tests.Numerics.Optimizers;

public sealed class SgdTests
{
    // θ₀ = 1 and a constant gradient 2 with α = 0.1:
    //   plain:      1 − 0.1·2 = 0.8, then 0.6
    //   momentum:   b = 2 → 0.8; b = 0.9·2 + 2 = 3.8 → 0.8 − 0.38 = 0.42
    //   Nesterov:   b = 2, g + μb = 3.8 → 0.62; b = 3.8, 2 + 0.9·3.8 = 5.42 → 0.62 − 0.542 = 0.078
    //   L2 λ = 0.5: g = 2 + 0.5·1 = 2.5 → 0.75; g = 2 + 0.5·0.75 = 2.375 → 0.5125
    [Theory]
    [InlineData(0f, false, 0f, 0.8f, 0.6f)]
    [InlineData(0.9f, false, 0f, 0.8f, 0.42f)]
    [InlineData(0.9f, true, 0f, 0.62f, 0.078f)]
    [InlineData(0f, false, 0.5f, 0.75f, 0.5125f)]
    public void Step_MatchesHandComputedSteps(float momentum, bool nesterov, float decay, float first, float second)
    {
        var theta = Tensor.FromArray([1f], [1], requiresGrad: true);
        var sgd = new Sgd([theta], 0.1f, momentum, nesterov, decay);
        Feed(theta, [2f]);
        sgd.Step();
        Assert.Equal(first, theta.Data[0], 6);
        sgd.ZeroGrad();
        Feed(theta, [2f]);
        sgd.Step();
        Assert.Equal(second, theta.Data[0], 6);
        Assert.Equal(2, sgd.Steps);
    }

    [Fact]
    public void Steps_MatchPyTorch()
    {
        // torch.optim.SGD (PyTorch 1.13) on the same six gradients, printed to 9 digits.
        var heavy = Run(p => new Sgd([p], 0.1f, momentum: 0.9f, weightDecay: 0.01f), 6);
        AssertClose([0.730095804, -1.5773629, 1.92578197, 0.583476245], heavy, 1e-6);
        var nesterov = Run(p => new Sgd([p], 0.1f, momentum: 0.9f, nesterov: true), 6);
        AssertClose([0.76747936, -1.69029963, 1.93998349, 0.685131907], nesterov, 1e-6);
    }

    [Theory]
    [InlineData(0f, false, 0f)]
    [InlineData(0.9f, false, 0.01f)]
    [InlineData(0.5f, true, 0.1f)]
    public void Steps_MatchNaiveImplementation(float momentum, bool nesterov, float decay)
    {
        // 21 elements: two full vectors of 8 and a scalar tail of 5.
        var start = StartOf(21);
        var velocity = new double[21];
        var expected = Naive(start, 7, (x, e, g, _) => NaiveSgd(x, ref velocity[e], g, 0.05, momentum, nesterov, decay));
        AssertClose(expected, Run(p => new Sgd([p], 0.05f, momentum, nesterov, decay), 7, start), 1e-5);
    }

    [Fact]
    public void LazyUpdate_MovesOnlyTouchedRowsAndKeepsTheirVelocity()
    {
        var velocity = new double[TableRows * TableColumns];
        var expected = NaiveLazy((x, e, g, _) => NaiveSgd(x, ref velocity[e], g, 0.1, 0.9, false, 0.01));
        var actual = RunLazy(p => new Sgd([p], 0.1f, momentum: 0.9f, weightDecay: 0.01f));
        AssertClose(expected, actual, 1e-5);

        // Row 2 is never touched: not even its weight decay applies.
        Assert.Equal(StartOf(50).AsSpan(20, 10).ToArray(), actual.AsSpan(20, 10).ToArray());
    }

    [Fact]
    public void LazyUpdate_EqualsDenseBitForBit_WithoutMomentumOrDecay()
    {
        var sparse = RunLazy(p => new Sgd([p], 0.1f));
        var dense = RunLazy(p => new Sgd([p], 0.1f), sparse: false);
        Assert.Equal(dense, sparse);
    }

    [Fact]
    public void Constructor_RejectsBadSettings()
    {
        var theta = Tensor.FromArray([1f], [1], requiresGrad: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([theta], 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([theta], 0.1f, momentum: 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([theta], 0.1f, momentum: -0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([theta], 0.1f, weightDecay: -1f));
        Assert.Throws<ArgumentException>(() => new Sgd([theta], 0.1f, nesterov: true));
        Assert.Throws<ArgumentException>(() => new Sgd([Tensor.FromArray([1f], [1])], 0.1f));
    }
}
