using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Factorization;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Factorization;

public sealed class SvdppModelContractTests : RecommenderContractTests
{
    protected override IRecommender Fit(Dataset train, int seed) => SvdppModel.Fit(train, new SvdppOptions { Factors = 4, InitStdDev = 0.01, Seed = seed });

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // Every TinyData value is 1, so μ = 1 fits it exactly: the errors start at −q·(p + z), with every entry of p, q
        // and y of order σ = 0.01 and |N(u)| ≤ 3, i.e. |q·(p + z)| < 0.01, and SGD only shrinks them.
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
        var options = new SvdppOptions { Factors = 2, Epochs = 300, LearningRate = 0.05, Regularization = 0.01, BiasLearningRate = 0.05, InitStdDev = 0.1 };
        var model = SvdppModel.Fit(BlockRatings.Create(), options);
        Assert.Equal([1, 3], model.Recommend(0, 2).Select(r => r.Item));
        Assert.Equal([2, 0], model.Recommend(3, 2).Select(r => r.Item));
        Assert.InRange(model.Score(0, 1), 4f, 5f);
        Assert.InRange(model.Score(0, 3), 1f, 2f);
    }

    [Fact]
    public void UserPass_MatchesHandComputedNumbers()
    {
        // One user, one rating r 4 of item 0, so N(u) = {0} and |N(u)|^−½ = 1. μ 3, b_u 0.1, b_i −0.2, p (0.5, −1),
        // q (2, 1), y (0.25, 0.5): z = y, p + z = (0.75, −0.5), r̂ = 3 + 0.1 − 0.2 + (1.5 − 0.5) = 3.9, e = 0.1.
        // γ 0.1, λ 0.5, γ_b 0.2, λ_b 0.25, γ_y 0.4, λ_y 0.5:
        // b_u = 0.1 + 0.2(0.1 − 0.025) = 0.115; b_i = −0.2 + 0.2(0.1 + 0.05) = −0.17; decay 0.95, γe = 0.01;
        // p = 0.95(0.5, −1) + 0.01(2, 1) = (0.495, −0.94); q = 0.95(2, 1) + 0.01(0.75, −0.5) = (1.9075, 0.945);
        // g = e·q_old = (0.2, 0.1); y = (1 − 0.4·0.5)¹(0.25, 0.5) + 0.4·1·(0.2, 0.1) = (0.28, 0.44).
        var state = FactorTestMath.OneRating(3f, 0.1f, -0.2f, [0.5f, -1f], [2f, 1f]);
        float[] y = [0.25f, 0.5f];
        double squaredError = SvdppModel.UserPass(state, y, 0, [0], [new Rating(0, 0, 4f)], new SgdRates(0.1f, 0.5f, 0.2f, 0.25f, 0.4f, 0.5f), new float[2], new float[2]);
        var near = new FloatTolerance(1e-5f);
        Assert.Equal(0.01, squaredError, 1e-6);
        Assert.Equal(0.115, state.UserBias[0], 1e-5);
        Assert.Equal(-0.17, state.ItemBias[0], 1e-5);
        Assert.Equal([0.495f, -0.94f], state.UserFactors, near);
        Assert.Equal([1.9075f, 0.945f], state.ItemFactors, near);
        Assert.Equal([0.28f, 0.44f], y, near);
    }

    [Fact]
    public void UserPass_MovesAgainstFiniteDifferenceGradient_OfRegularisedLoss()
    {
        // ℓ = (r − μ − b_u − b_i − q·(p + y))² + λ(‖p‖² + ‖q‖²) + λ_y‖y‖² + λ_b(b_u² + b_i²) for a user whose one rating
        // is of item j = i, so N(u) = {i}; each step must be −(γ/2)∇ℓ with its group's γ.
        const double Mean = 3.5, Rating = 2, Rate = 0.01, Weight = 0.3, BiasRate = 0.02, BiasWeight = 0.7, ImplicitRate = 0.03, ImplicitWeight = 0.4;
        double[] theta = [0.2, -0.3, 0.4, -0.1, 0.7, 0.5, 0.3, -0.6, 0.1, 0.2, -0.25]; // b_u, b_i, p (3), q (3), y (3)
        double Loss(double[] t)
        {
            double e = Rating - Mean - t[0] - t[1] - ((t[5] * (t[2] + t[8])) + (t[6] * (t[3] + t[9])) + (t[7] * (t[4] + t[10])));
            return (e * e) + (Weight * t[2..8].Sum(x => x * x)) + (ImplicitWeight * t[8..].Sum(x => x * x)) + (BiasWeight * ((t[0] * t[0]) + (t[1] * t[1])));
        }

        var gradient = FactorTestMath.Gradient(Loss, theta);
        static float[] Floats(double[] values) => [.. values.Select(x => (float)x)];
        var state = FactorTestMath.OneRating((float)Mean, (float)theta[0], (float)theta[1], Floats(theta[2..5]), Floats(theta[5..8]));
        float[] y = Floats(theta[8..]);
        var rates = new SgdRates((float)Rate, (float)Weight, (float)BiasRate, (float)BiasWeight, (float)ImplicitRate, (float)ImplicitWeight);
        SvdppModel.UserPass(state, y, 0, [0], [new Rating(0, 0, (float)Rating)], rates, new float[3], new float[3]);
        double[] after = [state.UserBias[0], state.ItemBias[0], .. state.UserFactors.Select(x => (double)x), .. state.ItemFactors.Select(x => (double)x), .. y.Select(x => (double)x)];
        for (int k = 0; k < theta.Length; k++)
        {
            double rate = k < 2 ? BiasRate : k < 8 ? Rate : ImplicitRate;
            Assert.Equal(-rate / 2 * gradient[k], after[k] - theta[k], 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(OptionChanges))]
    public void Fit_ChangesScores_WhenAnyOptionChanges(string option)
    {
        var data = BlockRatings.Create();
        var baseline = new SvdppOptions { Epochs = 5 };
        var changed = option switch
        {
            nameof(SvdppOptions.Factors) => baseline with { Factors = 7 },
            nameof(SvdppOptions.Epochs) => baseline with { Epochs = 6 },
            nameof(SvdppOptions.LearningRate) => baseline with { LearningRate = 0.03 },
            nameof(SvdppOptions.Regularization) => baseline with { Regularization = 0.3 },
            nameof(SvdppOptions.BiasLearningRate) => baseline with { BiasLearningRate = 0.02 },
            nameof(SvdppOptions.BiasRegularization) => baseline with { BiasRegularization = 0.5 },
            nameof(SvdppOptions.ImplicitLearningRate) => baseline with { ImplicitLearningRate = 0.05 },
            nameof(SvdppOptions.ImplicitRegularization) => baseline with { ImplicitRegularization = 0.5 },
            nameof(SvdppOptions.InitStdDev) => baseline with { InitStdDev = 0.2 },
            nameof(SvdppOptions.Seed) => baseline with { Seed = 1 },
            _ => throw new ArgumentException(option, nameof(option)),
        };
        var a = SvdppModel.Fit(data, baseline);
        var b = SvdppModel.Fit(data, changed);
        Assert.Contains(Enumerable.Range(0, 6), u => Enumerable.Range(0, 4).Any(i => a.Score(u, i) != b.Score(u, i)));
    }

    public static TheoryData<string> OptionChanges() => [.. typeof(SvdppOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)];

    [Fact]
    public void Fit_Stops_WhenCancelledDuringTraining()
    {
        using var source = new CancellationTokenSource();
        int reports = 0;
        var context = new TrainingContext { Cancellation = source.Token, Progress = new SynchronousProgress<EpochReport>(_ => { reports++; source.Cancel(); }) };
        Assert.ThrowsAny<OperationCanceledException>(() => SvdppModel.Fit(BlockRatings.Create(), new SvdppOptions { Epochs = 50 }, context));
        Assert.Equal(1, reports);
    }

    [Fact]
    public void Fit_Throws_WhenLossDiverges()
    {
        var options = new SvdppOptions { LearningRate = 50, BiasLearningRate = 50, ImplicitLearningRate = 50, InitStdDev = 1 };
        Assert.Throws<ModelFitException>(() => SvdppModel.Fit(BlockRatings.Create(), options));
    }

    [Fact]
    public void Fit_ReportsEveryEpoch_AndHonoursCancellation()
    {
        var reports = new List<EpochReport>();
        SvdppModel.Fit(BlockRatings.Create(), new SvdppOptions { Epochs = 4 }, new TrainingContext { Progress = new SynchronousProgress<EpochReport>(reports.Add) });
        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Epoch));
        Assert.True(reports[^1].Loss < reports[0].Loss);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SvdppModel.Fit(BlockRatings.Create(), null, new TrainingContext { Cancellation = cancelled.Token }));
    }

    [Fact]
    public void Score_AddsImplicitSum_ToUserFactors()
    {
        // The stored prediction must equal eq. 15 computed from the public parts: μ + b_u + b_i + q_i·(p_u + |N(u)|^−½ Σ y_j).
        var data = BlockRatings.Create();
        var model = SvdppModel.Fit(data, new SvdppOptions { Factors = 3, Epochs = 10, InitStdDev = 0.3 });
        for (int u = 0; u < 6; u++)
        {
            var rated = data.Matrix.ItemsOf(u).ToArray();
            for (int i = 0; i < 4; i++)
            {
                double dot = 0;
                for (int f = 0; f < 3; f++)
                {
                    double z = rated.Sum(j => (double)model.ImplicitFactors[(j * 3) + f]) / Math.Sqrt(rated.Length);
                    dot += model.ItemFactors[(i * 3) + f] * (model.UserFactors[(u * 3) + f] + z);
                }

                double expected = Math.Clamp(model.GlobalMean + model.UserBias[u] + model.ItemBias[i] + dot, 1, 5);
                Assert.Equal(expected, model.Score(u, i), 1e-4);
            }
        }
    }

    [Theory]
    [InlineData("ImplicitLearningRate", "0")]
    [InlineData("ImplicitRegularization", "-0.5")]
    [InlineData("Factors", "-3")]
    public void Options_Reject_OutOfRangeValues(string name, string value)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ModelCatalog.Get("svdpp").OptionsJson(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }
}
