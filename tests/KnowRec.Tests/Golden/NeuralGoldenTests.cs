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
        // Issue 4 asks ncf for 0.38 here (peers: implicit ALS 0.391, LightFM WARP 0.370); it gets 0.3790, short by
        // 0.001 after the validation searches recorded in docs/results.md, so the golden pins the figure it has.
        Assert.Equal(golden, report.Metrics["ndcg@10"], 0.004);
    }

    // ml-100k: measured by these tests with one thread (seed 42; user-ratio 80/20). ML-1M: rows 21-23 of docs/results.md
    // (`knowrec evaluate --data ml-1m/pieces-LIN452-ReSN --protocol fixed --model KIND`, 2 threads; fits are bit-identical
    // for any thread count, so the one-thread test gives the same figure).
    private const double GoldenNcf100k = 0.3573;
    private const double GoldenBilinear100k = 0.3077;
    private const double GoldenTwoTower100k = 0.2535;
    private const double GoldenNcfMl1m = 0.3790;
    private const double GoldenBilinearMl1m = 0.3046;
    private const double GoldenTwoTowerMl1m = 0.3601;
}
