using KnowRec.Numerics.Autodiff;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Training;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void Report_StopsAfterPatienceEvaluationsWithoutImprovement()
    {
        var stopping = new EarlyStopping([], patience: 2);
        Assert.True(stopping.Report(1, 0.10));
        Assert.True(stopping.Report(2, 0.20));
        Assert.False(stopping.Report(3, 0.15));
        Assert.False(stopping.ShouldStop);
        Assert.True(stopping.Report(4, 0.25));
        Assert.False(stopping.Report(5, 0.25));
        Assert.False(stopping.ShouldStop);
        Assert.False(stopping.Report(6, 0.24));
        Assert.True(stopping.ShouldStop);
        Assert.Equal(4, stopping.BestEpoch);
        Assert.Equal(0.25, stopping.BestMetric);
        Assert.Equal(2, stopping.EvaluationsWithoutImprovement);
    }

    [Fact]
    public void Report_CountsOnlyRisesAboveMinDelta()
    {
        var stopping = new EarlyStopping([], patience: 3, minDelta: 0.01);
        Assert.True(stopping.Report(1, 0.300));
        Assert.False(stopping.Report(2, 0.305));
        Assert.False(stopping.Report(3, 0.309));
        Assert.True(stopping.Report(4, 0.3101));
        Assert.Equal(0.3101, stopping.BestMetric);
        Assert.Equal(0, stopping.EvaluationsWithoutImprovement);
    }

    [Fact]
    public void Report_NeverImprovesOnNaN()
    {
        var stopping = new EarlyStopping([], patience: 1);
        Assert.False(stopping.Report(1, double.NaN));
        Assert.True(stopping.ShouldStop);
        Assert.True(double.IsNaN(stopping.BestMetric));
        Assert.True(stopping.Report(2, 0.1));
        Assert.False(stopping.Report(3, double.NaN));
        Assert.Equal(0.1, stopping.BestMetric);
    }

    [Fact]
    public void RestoreBest_CopiesBackTheParametersOfTheBestEvaluation()
    {
        var w = Tensor.FromArray([1f, 2f], [2], requiresGrad: true);
        var b = Tensor.FromArray([3f], [1], requiresGrad: true);
        var stopping = new EarlyStopping([w, b], patience: 5);
        Assert.False(stopping.RestoreBest());

        stopping.Report(1, 0.5);
        w.Data[0] = 10f;
        b.Data[0] = 30f;
        stopping.Report(2, 0.7);
        w.Data[0] = 100f;
        b.Data[0] = 300f;
        stopping.Report(3, 0.6);
        w.Data[1] = -1f;

        Assert.True(stopping.RestoreBest());
        Assert.Equal([10f, 2f], w.Data);
        Assert.Equal([30f], b.Data);
        Assert.Equal(2, stopping.BestEpoch);
    }

    [Fact]
    public void Constructor_RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping([], patience: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping([], minDelta: -0.1));
        Assert.Throws<ArgumentNullException>(() => new EarlyStopping(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping([]).Report(0, 1));
    }
}
