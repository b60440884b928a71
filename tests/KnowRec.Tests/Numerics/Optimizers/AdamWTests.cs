using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;
using static KnowRec.Tests.Numerics.Optimizers.OptimizerKit;

namespace KnowRec.Tests.Numerics.Optimizers;

public sealed class AdamWTests
{
    [Fact]
    public void Step_MatchesHandComputedSteps()
    {
        // θ₀ = 1, constant gradient 2, α = 0.1, λ = 0.1: the Adam part moves θ by 0.1 each step (m̂ = 2, v̂ = 4) and the
        // decoupled decay multiplies it by 1 − αλ = 0.99 first: 1·0.99 − 0.1 = 0.89, then 0.89·0.99 − 0.1 = 0.7811.
        var theta = Tensor.FromArray([1f], [1], requiresGrad: true);
        var adamW = new AdamW([theta], 0.1f, weightDecay: 0.1f);
        Feed(theta, [2f]);
        adamW.Step();
        Assert.Equal(0.89f, theta.Data[0], 6);
        adamW.ZeroGrad();
        Feed(theta, [2f]);
        adamW.Step();
        Assert.Equal(0.7811f, theta.Data[0], 6);
    }

    [Fact]
    public void Step_DecaysWeightsIndependentlyOfTheGradientScale()
    {
        // With a zero gradient the moments stay zero and only the decay acts: θ_t = θ₀(1 − αλ)^t exactly as in
        // Loshchilov & Hutter's Algorithm 2. Adam's coupled L2 instead feeds λθ through 1/√v̂, a step of about α
        // whatever λ is, which is the behaviour the paper decouples.
        float[] start = [4f, -0.001f];
        var decoupled = Tensor.FromArray(start, [2], requiresGrad: true);
        var adamW = new AdamW([decoupled], 0.1f, weightDecay: 0.5f);
        for (int t = 0; t < 3; t++)
        {
            Feed(decoupled, [0f, 0f]);
            adamW.Step();
        }

        Assert.Equal(4 * Math.Pow(0.95, 3), decoupled.Data[0], 1e-6);
        Assert.Equal(-0.001 * Math.Pow(0.95, 3), decoupled.Data[1], 1e-10);

        // One coupled step: g = λθ, and m̂/√v̂ = sign(g), so both weights move by α = 0.1, the tiny one past zero.
        var coupled = Tensor.FromArray(start, [2], requiresGrad: true);
        var adam = new Adam([coupled], 0.1f, weightDecay: 0.5f);
        Feed(coupled, [0f, 0f]);
        adam.Step();
        Assert.Equal(3.9f, coupled.Data[0], 5);
        Assert.Equal(0.099f, coupled.Data[1], 5);
    }

    [Fact]
    public void Steps_MatchPyTorch()
    {
        // torch.optim.AdamW (PyTorch 1.13) on the same six gradients.
        var actual = Run(p => new AdamW([p], 0.05f, weightDecay: 0.1f), 6);
        AssertClose([0.566103756, -1.24081218, 1.89862537, 0.648296952], actual, 1e-6);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void Steps_MatchNaiveImplementation(float decay)
    {
        var start = StartOf(21);
        var m = new double[21];
        var v = new double[21];
        var expected = Naive(start, 7, (x, e, g, t) => NaiveAdam(x, ref m[e], ref v[e], g, t, 0.05, 0.8, 0.99, 1e-6, decay, decoupled: true));
        AssertClose(expected, Run(p => new AdamW([p], 0.05f, 0.8f, 0.99f, 1e-6f, decay), 7, start), 2e-5);
    }

    [Fact]
    public void LazyUpdate_MatchesNaiveRowsWithGlobalStep()
    {
        var m = new double[50];
        var v = new double[50];
        var expected = NaiveLazy((x, e, g, t) => NaiveAdam(x, ref m[e], ref v[e], g, t, 0.05, 0.9, 0.999, 1e-8, 0.1, decoupled: true));
        var actual = RunLazy(p => new AdamW([p], 0.05f, weightDecay: 0.1f));
        AssertClose(expected, actual, 2e-5);
        Assert.Equal(StartOf(50).AsSpan(20, 10).ToArray(), actual.AsSpan(20, 10).ToArray());
    }

    [Fact]
    public void Constructor_RejectsBadSettings()
    {
        var theta = Tensor.FromArray([1f], [1], requiresGrad: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([theta], -1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([theta], beta1: 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([theta], beta2: -0.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([theta], epsilon: 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([theta], weightDecay: float.NaN));
    }
}
