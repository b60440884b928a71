using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

/// <summary>Early stopping of the neural models (Patience above 0): validation on a carved share, stop, best weights.</summary>
public sealed class EarlyStoppingFitTests
{
    private const int Planned = 60;

    public static TheoryData<string> Kinds => ["ncf", "bilinear", "bilinear-bce", "two-tower"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fit_WithoutPatience_ReportsNoValidation(string kind)
    {
        var reports = new List<EpochReport>();
        Fit(kind, AlsModelTests.SyntheticData(seed: 41), patience: 0, epochs: 3, reports);
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Null(r.ValidationMetric));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fit_WithPatience_StopsAfterPatienceWithoutGain_AndKeepsTheBestEpochsWeights(string kind)
    {
        var data = AlsModelTests.SyntheticData(seed: 41);
        var reports = new List<EpochReport>();
        var stopped = Fit(kind, data, patience: 2, epochs: Planned, reports);

        // Every epoch is validated; 60 epochs are far more than this small data needs, so the run ends exactly 2 epochs
        // after the best one.
        Assert.All(reports, r => Assert.NotNull(r.ValidationMetric));
        var metrics = reports.Select(r => r.ValidationMetric!.Value).ToList();
        int best = metrics.IndexOf(metrics.Max()) + 1;
        Assert.True(reports.Count == best + 2, $"stopped after {reports.Count} epochs, best {best}");

        // Epoch e's randomness depends only on (seed, e), so a run planned to end at the best epoch has the same weights.
        var atBest = Fit(kind, data, patience: 2, epochs: best, []);
        for (int u = 0; u < data.Users.Count; u += 7)
        {
            for (int i = 0; i < data.Items.Count; i += 5)
            {
                Assert.Equal(atBest.Score(u, i), stopped.Score(u, i));
            }
        }

        // The returned model still excludes every training row, the validation ones included.
        var seen = ((ScoringRecommender)stopped).Seen;
        Assert.Equal(data.Matrix.NonZeros, seen.NonZeros);
    }

    private static IRecommender Fit(string kind, Dataset data, int patience, int epochs, List<EpochReport> reports)
    {
        var context = new TrainingContext { Threads = 1, Progress = new SyncProgress(reports.Add) };
        return kind switch
        {
            "ncf" => NcfModel.Fit(data, new NcfOptions { Factors = 4, Tower = "8,4", Epochs = epochs, Patience = patience, LearningRate = 0.01f, NegativeCandidates = 1 }, context),
            "bilinear" => BilinearModel.Fit(data, new BilinearOptions { Factors = 4, Epochs = epochs, Patience = patience, BatchSize = 64 }, context),
            "bilinear-bce" => BilinearModel.Fit(data, new BilinearOptions { Factors = 4, Epochs = epochs, Patience = patience, BatchSize = 64, Loss = BilinearLoss.Bce }, context),
            _ => TwoTowerModel.Fit(data, new TwoTowerOptions { Factors = 4, Hidden = 8, Negatives = 8, Epochs = epochs, Patience = patience, BatchSize = 64 }, context),
        };
    }
}
