using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;
using static KnowRec.Tests.Numerics.Optimizers.OptimizerKit;

namespace KnowRec.Tests.Numerics.Optimizers;

public sealed class AdamTests
{
    [Fact]
    public void Step_MatchesHandComputedSteps()
    {
        // Constant gradient 2, α = 0.1: m̂ = 2 and v̂ = 4 at every step (the bias corrections undo the zero start),
        // so each step moves θ by α·2/(2 + ε) ≈ 0.1.
        var theta = Tensor.FromArray([1f], [1], requiresGrad: true);
        var adam = new Adam([theta], 0.1f);
        for (int step = 1; step <= 3; step++)
        {
            adam.ZeroGrad();
            Feed(theta, [2f]);
            adam.Step();
            Assert.Equal(1f - (0.1f * step), theta.Data[0], 6);
        }
    }

    [Fact]
    public void Steps_MatchPyTorch()
    {
        // torch.optim.Adam (PyTorch 1.13, weight_decay is coupled L2) on the same six gradients.
        var actual = Run(p => new Adam([p], 0.05f, weightDecay: 0.1f), 6);
        AssertClose([0.568239033, -1.24200213, 1.89005744, 0.649484456], actual, 1e-6);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    public void Steps_MatchNaiveImplementation(float decay)
    {
        var start = StartOf(21);
        var m = new double[21];
        var v = new double[21];
        var expected = Naive(start, 7, (x, e, g, t) => NaiveAdam(x, ref m[e], ref v[e], g, t, 0.05, 0.9, 0.999, 1e-8, decay, decoupled: false));
        AssertClose(expected, Run(p => new Adam([p], 0.05f, weightDecay: decay), 7, start), 2e-5);
    }

    [Fact]
    public void LazyUpdate_MatchesNaiveRowsWithGlobalStep()
    {
        var m = new double[50];
        var v = new double[50];
        var expected = NaiveLazy((x, e, g, t) => NaiveAdam(x, ref m[e], ref v[e], g, t, 0.05, 0.9, 0.999, 1e-8, 0.1, decoupled: false));
        AssertClose(expected, RunLazy(p => new Adam([p], 0.05f, weightDecay: 0.1f)), 2e-5);
    }
}
