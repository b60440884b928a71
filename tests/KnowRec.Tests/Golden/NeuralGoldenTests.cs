using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>
/// Figures of the neural models on real data with two-sided tolerances (too good usually means leakage); one thread,
/// seed 42, so each fit is exactly repeatable. The ml-100k runs shorten training to stay within seconds; the ML-1M runs
/// use the defaults.
/// </summary>
public sealed class NeuralGoldenTests
{
    private static readonly TrainingContext OneThread = new() { Threads = 1 };

    [DataTheory]
    [InlineData("ncf", "Epochs=2", GoldenNcf100k)]
    [InlineData("bilinear", "Epochs=2", GoldenBilinear100k)]
    [InlineData("two-tower", "Epochs=2", GoldenTwoTower100k)]
    public void Model_GivesGoldenNdcg_OnMl100kUserRatio(string model, string setting, double golden)
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var settings = setting.Split('=') is [var name, var value] ? new Dictionary<string, string> { [name] = value } : [];
        var report = Experiment.Run(data, new ExperimentOptions { Model = model, Settings = settings }, OneThread);
        Assert.Equal(golden, report.Metrics["ndcg@10"], 0.003);
    }

    [DataTheory]
    [Trait("Category", "Slow")]
    [InlineData("ncf", GoldenNcfMl1m)]
    [InlineData("bilinear", GoldenBilinearMl1m)]
    [InlineData("two-tower", GoldenTwoTowerMl1m)]
    public void Model_GivesGoldenNdcg_OnMl1mFixedSplit(string model, double golden)
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-1m/pieces-LIN452-ReSN"));
        var split = new SplitOptions { Protocol = SplitProtocol.Fixed };
        var report = Experiment.Run(data, new ExperimentOptions { Model = model, Split = split }, OneThread);
        double ndcg = report.Metrics["ndcg@10"];
        Assert.Equal(golden, ndcg, 0.004);

        // Issue 4's target for ncf; the peers on these rows are implicit ALS 0.391 and LightFM WARP 0.370.
        Assert.True(model != "ncf" || ndcg >= 0.38, $"ncf's NDCG@10 {ndcg} is below the 0.38 target");
    }

    // Measured by these tests with one thread (seed 42; ml-100k user-ratio 80/20).
    private const double GoldenNcf100k = 0.3573;
    private const double GoldenBilinear100k = 0.3077;
    private const double GoldenTwoTower100k = 0.2535;
    private const double GoldenNcfMl1m = 0;
    private const double GoldenBilinearMl1m = 0.3046;
    private const double GoldenTwoTowerMl1m = 0.3601;
}
