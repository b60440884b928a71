using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>EASE figures on real data with two-sided tolerances: too good usually means leakage.</summary>
public sealed class EaseGoldenTests
{
    private static readonly TrainingContext TwoThreads = new() { Threads = 2 };

    [DataFact("ml-100k")]
    public void Ease_GivesGoldenFigures_OnMl100kUserRatio()
    {
        // Measured once with `knowrec evaluate --data ml-100k --model ease --json` (seed 42, user-ratio 80/20, default λ).
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "ease" }, TwoThreads);
        Assert.Equal(943, report.Users);
        Assert.Equal(0.3715, report.Metrics["precision@10"], 0.002);
        Assert.Equal(0.2398, report.Metrics["recall@10"], 0.002);
        Assert.Equal(0.4456, report.Metrics["ndcg@10"], 0.002);
    }

    [Trait("Category", "Slow")]
    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    public void Ease_BeatsNumpyReference_OnMl1mFixedSplit()
    {
        // numpy EASE with λ = 500 gets NDCG@10 0.4339 on this split; KnowRec's λ = 500 matches it to four digits and the
        // validation-tuned default (λ ≈ 1,510) gets 0.4348.
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-1m/pieces-LIN452-ReSN"));
        var split = new SplitOptions { Protocol = SplitProtocol.Fixed };
        var report = Experiment.Run(data, new ExperimentOptions { Model = "ease", Split = split }, TwoThreads);
        Assert.Equal(6039, report.Users);
        Assert.Equal(0.3842, report.Metrics["precision@10"], 0.001);
        Assert.Equal(0.1799, report.Metrics["recall@10"], 0.001);
        Assert.Equal(0.4348, report.Metrics["ndcg@10"], 0.001);
        var numpyLambda = Experiment.Run(
            data,
            new ExperimentOptions { Model = "ease", Split = split, Settings = new Dictionary<string, string> { ["Regularization"] = "500" } },
            TwoThreads);
        Assert.Equal(0.4339, numpyLambda.Metrics["ndcg@10"], 0.0005);
    }
}
