using KnowRec.Models;
using KnowRec.Models.Bpr;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class BprModelTests
{
    [Fact]
    public void Step_MovesEveryParameterAlongTheGradient_OfFiniteDifferences()
    {
        var data = AlsModelTests.SyntheticData(seed: 11);
        var model = BprModel.Fit(data, new BprOptions { Factors = 8, Epochs = 2, Regularization = 0.05f, BiasRegularization = 0.02f }, BprModelContractTests.OneThread);
        const int u = 3, i = 5, j = 8;
        double[] before = Parameters(model, u, i, j);
        const float rate = 0.1f;
        model.Step(u, i, j, rate);
        double[] after = Parameters(model, u, i, j);
        for (int p = 0; p < before.Length; p++)
        {
            const double h = 1e-4;
            double[] plus = (double[])before.Clone();
            double[] minus = (double[])before.Clone();
            plus[p] += h;
            minus[p] -= h;
            double numeric = (Objective(plus, 8, 0.05, 0.02) - Objective(minus, 8, 0.05, 0.02)) / (2 * h);
            Assert.Equal(numeric, (after[p] - before[p]) / rate, 1e-4);
        }
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = AlsModelTests.SyntheticData(seed: 12);
        var baseline = new BprOptions { Factors = 8, Epochs = 3 };
        BprOptions[] variants =
        [
            baseline with { Factors = 6 },
            baseline with { Epochs = 4 },
            baseline with { LearningRate = 0.1f },
            baseline with { Regularization = 0.1f },
            baseline with { BiasRegularization = 0.5f },
            baseline with { NegativeCandidates = 3 },
            baseline with { Seed = 7 },
        ];
        float reference = BprModel.Fit(data, baseline, BprModelContractTests.OneThread).Score(0, 1);
        foreach (var options in variants)
        {
            Assert.NotEqual(reference, BprModel.Fit(data, options, BprModelContractTests.OneThread).Score(0, 1));
        }
    }

    [Fact]
    public void Fit_ReportsFiniteFallingLoss()
    {
        var data = AlsModelTests.SyntheticData(seed: 13);
        var losses = new List<double>();
        BprModel.Fit(data, new BprOptions { Factors = 8, Epochs = 20 }, BprModelContractTests.OneThread with { Progress = new SyncProgress(r => losses.Add(r.Loss)) });
        Assert.Equal(20, losses.Count);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        Assert.True(losses[^1] < losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Epochs", "0")]
    [InlineData("LearningRate", "0")]
    [InlineData("Regularization", "-1")]
    [InlineData("BiasRegularization", "-1")]
    [InlineData("NegativeCandidates", "0")]
    public void Validate_NamesTheProperty_ForBadValue(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<BprOptions>(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }

    // x_u (k), y_i (k), y_j (k), b_i, b_j.
    private static double[] Parameters(BprModel model, int u, int i, int j) =>
        [.. model.UserFactors(u).ToArray().Select(v => (double)v), .. model.ItemFactors(i).ToArray().Select(v => (double)v),
         .. model.ItemFactors(j).ToArray().Select(v => (double)v), model.ItemBiases[i], model.ItemBiases[j]];

    // ln σ(x̂_uij) − λ/2 (‖x_u‖² + ‖y_i‖² + ‖y_j‖²) − λ_b/2 (b_i² + b_j²), in double.
    private static double Objective(double[] p, int k, double lambda, double biasLambda)
    {
        double z = p[3 * k] - p[(3 * k) + 1];
        double norm = 0;
        for (int f = 0; f < k; f++)
        {
            z += p[f] * (p[k + f] - p[(2 * k) + f]);
            norm += (p[f] * p[f]) + (p[k + f] * p[k + f]) + (p[(2 * k) + f] * p[(2 * k) + f]);
        }

        return -Math.Log(1 + Math.Exp(-z)) - (lambda / 2 * norm) - (biasLambda / 2 * ((p[3 * k] * p[3 * k]) + (p[(3 * k) + 1] * p[(3 * k) + 1])));
    }

    private sealed class SyncProgress(Action<KnowRec.Training.EpochReport> report) : IProgress<KnowRec.Training.EpochReport>
    {
        public void Report(KnowRec.Training.EpochReport value) => report(value);
    }
}
