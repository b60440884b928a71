using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>ALS figures on real data with two-sided tolerances (fits are deterministic for a seed at any thread count).</summary>
public sealed class AlsGoldenTests
{
    [DataFact("ml-100k")]
    public void Als_GivesGoldenFigures_OnMl100kUserRatio()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "als" });
        Assert.Equal(GoldenPrecision, report.Metrics["precision@10"], 0.003);
        Assert.Equal(GoldenNdcg, report.Metrics["ndcg@10"], 0.003);
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    [Trait("Category", "Slow")]
    public void Als_ReachesTarget_OnMl1mFixedSplit()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-1m/pieces-LIN452-ReSN"));
        var fixedSplit = new SplitOptions { Protocol = SplitProtocol.Fixed };
        var implicitSettings = new Dictionary<string, string> { ["Factors"] = "64", ["Iterations"] = "15", ["Regularization"] = "0.05" };
        var atImplicitSettings = Experiment.Run(data, new ExperimentOptions { Model = "als", Split = fixedSplit, Settings = implicitSettings });
        var atDefaults = Experiment.Run(data, new ExperimentOptions { Model = "als", Split = fixedSplit });
        Assert.Equal(GoldenMl1mImplicitSettings, atImplicitSettings.Metrics["ndcg@10"], 0.002);
        Assert.Equal(GoldenMl1mDefaults, atDefaults.Metrics["ndcg@10"], 0.002);
    }

    // Measured with `knowrec evaluate --data ml-100k --model als --json` (seed 42, user-ratio 80/20, default options).
    private const double GoldenPrecision = 0.3713;
    private const double GoldenNdcg = 0.4479;

    // `knowrec evaluate --data ml-1m/pieces-LIN452-ReSN --model als --protocol fixed [--set ...]`.
    private const double GoldenMl1mImplicitSettings = 0.4034;
    private const double GoldenMl1mDefaults = 0.4287;
}
