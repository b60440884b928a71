using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Factorization;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Factorization;

public sealed class SvdModelContractTests : RecommenderContractTests
{
    protected override IRecommender Fit(Dataset train, int seed) => SvdModel.Fit(train, new SvdOptions { Factors = 4, InitStdDev = 0.01, Seed = seed });

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // Every TinyData value is 1, so μ = 1 and zero biases with (near) zero factors fit it exactly: the errors start
        // at −q·p (|q·p| ≤ 4 · 0.04², σ = 0.01) and SGD only shrinks them, so every score stays within 0.01 of 1.
        // u4 and i5 have no rows: their factors are zeroed and their biases never move, so Score(u4, i5) = μ exactly.
        Assert.Equal(1f, model.Score(4, 5));
        for (int u = 0; u < 5; u++)
        {
            for (int i = 0; i < 6; i++)
            {
                Assert.InRange(model.Score(u, i), 0.99f, 1.01f);
            }
        }
    }

    [Fact]
    public void Recommend_FollowsTasteGroups_NotItemMeans()
    {
        var model = SvdModel.Fit(BlockRatings.Create(), new SvdOptions { Factors = 2, Epochs = 300, LearningRate = 0.05, Regularization = 0.01, BiasLearningRate = 0.05, InitStdDev = 0.1 });
        Assert.Equal([1, 3], model.Recommend(0, 2).Select(r => r.Item));
        Assert.Equal([2, 0], model.Recommend(3, 2).Select(r => r.Item));
        Assert.InRange(model.Score(0, 1), 4f, 5f);
        Assert.InRange(model.Score(0, 3), 1f, 2f);
    }

    [Fact]
    public void Step_MatchesHandComputedNumbers()
    {
        // μ 3, b_u 0.1, b_i −0.2, p (0.5, −1), q (2, 1), r 4: r̂ = 3 + 0.1 − 0.2 + (1 − 1) = 2.9, e = 1.1.
        // γ 0.1, λ 0.5, γ_b 0.2, λ_b 0.25: b_u = 0.1 + 0.2(1.1 − 0.025) = 0.315; b_i = −0.2 + 0.2(1.1 + 0.05) = 0.03;
        // decay 1 − γλ = 0.95, γe = 0.11: p = 0.95(0.5, −1) + 0.11(2, 1) = (0.695, −0.84); q = 0.95(2, 1) + 0.11(0.5, −1) = (1.955, 0.84).
        var state = FactorTestMath.OneRating(3f, 0.1f, -0.2f, [0.5f, -1f], [2f, 1f]);
        float error = SvdModel.Step(state, 0, 0, 4f, new SgdRates(0.1f, 0.5f, 0.2f, 0.25f));
        Assert.Equal(1.1, error, 1e-5);
        Assert.Equal(0.315, state.UserBias[0], 1e-5);
        Assert.Equal(0.03, state.ItemBias[0], 1e-5);
        Assert.Equal([0.695f, -0.84f], state.UserFactors, new FloatTolerance(1e-5f));
        Assert.Equal([1.955f, 0.84f], state.ItemFactors, new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Step_MovesAgainstFiniteDifferenceGradient_OfRegularisedLoss()
    {
        // ℓ = (r − μ − b_u − b_i − q·p)² + λ(‖p‖² + ‖q‖²) + λ_b(b_u² + b_i²); the step must be −(γ/2)∇ℓ per parameter group.
        const double Mean = 3.5, Rating = 2, Rate = 0.01, Weight = 0.3, BiasRate = 0.02, BiasWeight = 0.7;
        double[] theta = [0.2, -0.3, 0.4, -0.1, 0.7, 0.5, 0.3, -0.6]; // b_u, b_i, p (3), q (3)
        double Loss(double[] t)
        {
            double e = Rating - Mean - t[0] - t[1] - ((t[2] * t[5]) + (t[3] * t[6]) + (t[4] * t[7]));
            double factors = t[2..].Sum(x => x * x);
            return (e * e) + (Weight * factors) + (BiasWeight * ((t[0] * t[0]) + (t[1] * t[1])));
        }

        var gradient = FactorTestMath.Gradient(Loss, theta);
        var state = FactorTestMath.OneRating((float)Mean, (float)theta[0], (float)theta[1], [.. theta[2..5].Select(x => (float)x)], [.. theta[5..].Select(x => (float)x)]);
        SvdModel.Step(state, 0, 0, (float)Rating, new SgdRates((float)Rate, (float)Weight, (float)BiasRate, (float)BiasWeight));
        double[] after = [state.UserBias[0], state.ItemBias[0], .. state.UserFactors.Select(x => (double)x), .. state.ItemFactors.Select(x => (double)x)];
        for (int k = 0; k < theta.Length; k++)
        {
            double rate = k < 2 ? BiasRate : Rate;
            Assert.Equal(-rate / 2 * gradient[k], after[k] - theta[k], 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(OptionChanges))]
    public void Fit_ChangesScores_WhenAnyOptionChanges(string option)
    {
        var data = BlockRatings.Create();
        var baseline = new SvdOptions { Epochs = 5 };
        var changed = option switch
        {
            nameof(SvdOptions.Factors) => baseline with { Factors = 7 },
            nameof(SvdOptions.Epochs) => baseline with { Epochs = 6 },
            nameof(SvdOptions.LearningRate) => baseline with { LearningRate = 0.03 },
            nameof(SvdOptions.Regularization) => baseline with { Regularization = 0.3 },
            nameof(SvdOptions.BiasLearningRate) => baseline with { BiasLearningRate = 0.02 },
            nameof(SvdOptions.BiasRegularization) => baseline with { BiasRegularization = 0.5 },
            nameof(SvdOptions.InitStdDev) => baseline with { InitStdDev = 0.2 },
            nameof(SvdOptions.Seed) => baseline with { Seed = 1 },
            _ => throw new ArgumentException(option, nameof(option)),
        };
        var a = SvdModel.Fit(data, baseline);
        var b = SvdModel.Fit(data, changed);
        Assert.Contains(Enumerable.Range(0, 6), u => Enumerable.Range(0, 4).Any(i => a.Score(u, i) != b.Score(u, i)));
    }

    public static TheoryData<string> OptionChanges() => [.. typeof(SvdOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)];

    [Fact]
    public void Fit_Stops_WhenCancelledDuringTraining()
    {
        using var source = new CancellationTokenSource();
        int reports = 0;
        var context = new TrainingContext { Cancellation = source.Token, Progress = new SynchronousProgress<EpochReport>(_ => { reports++; source.Cancel(); }) };
        Assert.ThrowsAny<OperationCanceledException>(() => SvdModel.Fit(BlockRatings.Create(), new SvdOptions { Epochs = 50 }, context));
        Assert.Equal(1, reports);
    }

    [Fact]
    public void Fit_Throws_WhenLossDiverges()
    {
        var options = new SvdOptions { LearningRate = 50, BiasLearningRate = 50, InitStdDev = 1 };
        Assert.Throws<ModelFitException>(() => SvdModel.Fit(BlockRatings.Create(), options));
    }

    [Fact]
    public void Fit_ReportsEveryEpoch_AndHonoursCancellation()
    {
        var reports = new List<EpochReport>();
        var progress = new SynchronousProgress<EpochReport>(reports.Add);
        SvdModel.Fit(BlockRatings.Create(), new SvdOptions { Epochs = 4 }, new TrainingContext { Progress = progress });
        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.Loss) && r.Epochs == 4));
        Assert.True(reports[^1].Loss < reports[0].Loss);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SvdModel.Fit(BlockRatings.Create(), null, new TrainingContext { Cancellation = cancelled.Token }));
    }

    [Fact]
    public void Score_StaysOnRatingScale()
    {
        var model = SvdModel.Fit(BlockRatings.Create(), new SvdOptions { Epochs = 200, LearningRate = 0.05, Regularization = 0 });
        Assert.All(Enumerable.Range(0, 4), i => Assert.InRange(model.Score(0, i), 1f, 5f));
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Epochs", "0")]
    [InlineData("LearningRate", "0")]
    [InlineData("Regularization", "-1")]
    [InlineData("BiasLearningRate", "NaN")]
    [InlineData("BiasRegularization", "Infinity")]
    [InlineData("InitStdDev", "-0.1")]
    public void Options_Reject_OutOfRangeValues(string name, string value)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ModelCatalog.Get("svd").OptionsJson(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }
}
