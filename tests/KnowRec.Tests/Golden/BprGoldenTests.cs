using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>BPR figures on real data with two-sided tolerances; one thread, so the fit is exactly repeatable.</summary>
public sealed class BprGoldenTests
{
    private static readonly TrainingContext OneThread = new() { Threads = 1 };

    [DataFact("ml-100k")]
    public void Bpr_GivesGoldenFigures_OnMl100kUserRatio()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "bpr" }, OneThread);
        Assert.Equal(GoldenPrecision, report.Metrics["precision@10"], 0.003);
        Assert.Equal(GoldenNdcg, report.Metrics["ndcg@10"], 0.003);
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    [Trait("Category", "Slow")]
    public void Bpr_ReachesTarget_OnMl1mFixedSplit()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-1m/pieces-LIN452-ReSN"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "bpr", Split = new SplitOptions { Protocol = SplitProtocol.Fixed } }, OneThread);
        Assert.Equal(GoldenMl1m, report.Metrics["ndcg@10"], 0.004);
    }

    // Measured by these tests with one thread (seed 42; ml-100k user-ratio 80/20, default options).
    private const double GoldenPrecision = 0.3625;
    private const double GoldenNdcg = 0.4325;
    private const double GoldenMl1m = 0.4110;
}
