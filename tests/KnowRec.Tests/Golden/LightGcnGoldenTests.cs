using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>LightGCN figures on real data with two-sided tolerances (fits are bit-identical for a seed at any thread count).</summary>
public sealed class LightGcnGoldenTests
{
    private static readonly TrainingContext OneThread = new() { Threads = 1 };

    [DataFact("ml-100k")]
    public void LightGcn_GivesGoldenFigures_OnMl100kUserRatio()
    {
        // A short fit keeps this in CI: 32 factors, 10 epochs of 40 steps (the ML-1M defaults take minutes); the other
        // options are pinned at today's defaults so that retuning them does not move this figure.
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "lightgcn", Settings = QuickSettings }, OneThread);
        Assert.Equal(GoldenPrecision, report.Metrics["precision@10"], 0.003);
        Assert.Equal(GoldenNdcg, report.Metrics["ndcg@10"], 0.003);
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    [Trait("Category", "Slow")]
    public void LightGcn_ReachesTarget_OnMl1mFixedSplit()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-1m/pieces-LIN452-ReSN"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "lightgcn", Split = new SplitOptions { Protocol = SplitProtocol.Fixed } }, OneThread);
        Assert.Equal(GoldenMl1m, report.Metrics["ndcg@10"], 0.002);
        Assert.True(report.Metrics["ndcg@10"] >= 0.41, "issue 4's target for lightgcn on these rows is NDCG@10 ≥ 0.41");
    }

    private static readonly Dictionary<string, string> QuickSettings = new()
    {
        ["Factors"] = "32",
        ["Epochs"] = "10",
        ["BatchSize"] = "2048",
        ["LearningRate"] = "0.01",
        ["Layers"] = "3",
        ["Regularization"] = "0.001",
        ["Sampling"] = "Users",
        ["NegativeCandidates"] = "1",
    };

    // Measured by these tests with one thread (seed 42; ml-100k user-ratio 80/20; the fit is the same for any thread
    // count, so `knowrec evaluate --data ml-100k --model lightgcn --set Factors=32 --set Epochs=10 --set BatchSize=2048
    // --set NegativeCandidates=1` gives the same figures). Below BPR's 0.4325 because the fit is cut short; popularity gets 0.2238.
    private const double GoldenPrecision = 0.2969;
    private const double GoldenNdcg = 0.3574;
    // Row 20 of docs/results.md (`knowrec evaluate --data ml-1m/pieces-LIN452-ReSN --protocol fixed --model lightgcn`).
    private const double GoldenMl1m = 0.4201;
}
