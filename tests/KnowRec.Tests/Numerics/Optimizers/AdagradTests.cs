using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;
using static KnowRec.Tests.Numerics.Optimizers.OptimizerKit;

namespace KnowRec.Tests.Numerics.Optimizers;

public sealed class AdagradTests
{
    [Fact]
    public void Step_MatchesHandComputedSteps()
    {
        // θ₀ = 1, constant gradient 2, α = 0.1: G = 4 → θ = 1 − 0.1·2/2 = 0.9; G = 8 → θ = 0.9 − 0.2/√8 = 0.829289.
        var theta = Tensor.FromArray([1f], [1], requiresGrad: true);
        var adagrad = new Adagrad([theta], 0.1f);
        Feed(theta, [2f]);
        adagrad.Step();
        Assert.Equal(0.9f, theta.Data[0], 6);
        adagrad.ZeroGrad();
        Feed(theta, [2f]);
        adagrad.Step();
        Assert.Equal(0.9 - (0.2 / Math.Sqrt(8)), theta.Data[0], 6);
    }

    [Fact]
    public void Steps_MatchPyTorch()
    {
        // torch.optim.Adagrad (PyTorch 1.13) with initial_accumulator_value 0.1 on the same six gradients.
        var actual = Run(p => new Adagrad([p], 0.1f, 1e-10f, weightDecay: 0.05f, initialAccumulator: 0.1f), 6);
        AssertClose([0.545219421, -1.26078403, 1.92835343, 0.742244005], actual, 1e-6);
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(0.05f, 0.1f)]
    public void Steps_MatchNaiveImplementation(float decay, float initial)
    {
        var start = StartOf(21);
        var sum = Enumerable.Repeat((double)initial, 21).ToArray();
        var expected = Naive(start, 7, (x, e, g, _) => NaiveAdagrad(x, ref sum[e], g, 0.1, 1e-10, decay));
        AssertClose(expected, Run(p => new Adagrad([p], 0.1f, weightDecay: decay, initialAccumulator: initial), 7, start), 1e-5);
    }

    [Fact]
    public void LazyUpdate_MatchesNaiveRows()
    {
        var sum = new double[50];
        var expected = NaiveLazy((x, e, g, _) => NaiveAdagrad(x, ref sum[e], g, 0.1, 1e-10, 0.05));
        AssertClose(expected, RunLazy(p => new Adagrad([p], 0.1f, weightDecay: 0.05f)), 1e-5);
    }

    [Fact]
    public void LazyUpdate_EqualsDenseBitForBit_WithoutDecay()
    {
        // A zero gradient leaves G and θ unchanged, so skipping untouched rows changes nothing.
        var sparse = RunLazy(p => new Adagrad([p], 0.1f, initialAccumulator: 0.1f));
        var dense = RunLazy(p => new Adagrad([p], 0.1f, initialAccumulator: 0.1f), sparse: false);
        Assert.Equal(dense, sparse);
    }

    [Fact]
    public void Constructor_RejectsBadSettings()
    {
        var theta = Tensor.FromArray([1f], [1], requiresGrad: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([theta], float.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([theta], epsilon: -1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([theta], weightDecay: -1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([theta], initialAccumulator: -1f));
    }
}
