using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class RatingMetricsTests
{
    private static readonly float[] Predicted = [3f, 4f, 5f];
    private static readonly float[] Actual = [2f, 4f, 3f];

    [Fact]
    public void Rmse_MatchesHandComputation()
    {
        // Errors 1, 0, 2: √((1 + 0 + 4) / 3) = √(5/3) = 1.290994.
        Assert.Equal(Math.Sqrt(5.0 / 3), RatingMetrics.Rmse(Predicted, Actual), 9);
    }

    [Fact]
    public void Mae_MatchesHandComputation()
    {
        // (1 + 0 + 2) / 3 = 1.
        Assert.Equal(1.0, RatingMetrics.Mae(Predicted, Actual), 9);
    }

    [Fact]
    public void RmseAndMae_AreZero_WhenPerfect()
    {
        Assert.Equal(0, RatingMetrics.Rmse(Actual, Actual));
        Assert.Equal(0, RatingMetrics.Mae(Actual, Actual));
    }

    [Fact]
    public void Rmse_Throws_WhenLengthsDifferOrEmpty()
    {
        Assert.Throws<ArgumentException>(() => RatingMetrics.Rmse(Predicted, Actual.AsSpan(0, 2)));
        Assert.Throws<ArgumentException>(() => RatingMetrics.Mae([], []));
    }
}
