using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>
/// SASRec figures on MovieLens with timestamps, leave-last-out, full ranking, with two-sided tolerances. The fit gives
/// the same weights for any thread count (see SasRecModelTests), so the slow runs use two threads to save time.
/// </summary>
public sealed class SasRecGoldenTests
{
    private static readonly SplitOptions LeaveLastOut = new() { Protocol = SplitProtocol.LeaveLastOut };

    [DataFact("ml-100k")]
    public void SasRec_GivesGoldenFigures_OnMl100kLeaveLastOut_ShortFit()
    {
        // CI-sized (about a second of training): one block and three epochs instead of the defaults' two blocks and 200 epochs.
        var report = Run("ml-100k", new Dictionary<string, string> { ["Blocks"] = "1", ["Epochs"] = "3" }, new TrainingContext { Threads = 1 });
        Assert.Equal(943, report.Users);
        Assert.Equal(QuickNdcg, report.Metrics["ndcg@10"], 0.002);
        Assert.Equal(QuickHit, report.Metrics["hit@10"], 0.003);
    }

    [DataFact("ml-100k")]
    public void SasRec_IsIdentical_WithOneAndTwoThreads_OnMl100k()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var train = Splitter.Split(data, LeaveLastOut)[0].Train;
        // Windows of 20 still make products big enough for Gemm to split them over threads.
        var options = new KnowRec.Models.Sequential.SasRecOptions { MaxLength = 20, Epochs = 1 };
        var one = KnowRec.Models.Sequential.SasRecModel.Fit(train, options, new TrainingContext { Threads = 1 });
        var two = KnowRec.Models.Sequential.SasRecModel.Fit(train, options, new TrainingContext { Threads = 2 });
        for (int u = 0; u < data.Users.Count; u += 37)
        {
            Assert.Equal(one.UserState(u).ToArray(), two.UserState(u).ToArray());
        }
    }

    [DataFact("ml-100k")]
    [Trait("Category", "Slow")]
    public void SasRec_BeatsPopularityAndAls_OnMl100kLeaveLastOut()
    {
        var report = Run("ml-100k", new Dictionary<string, string>(), new TrainingContext { Threads = 2 });
        Assert.Equal(FullNdcg100k, report.Metrics["ndcg@10"], 0.006);
        Assert.True(report.Metrics["ndcg@10"] > 1.2 * AlsNdcg100k, "sasrec must beat als clearly");
    }

    [DataFact("ml-1m/ratings-partial-users-1-2999")]
    [Trait("Category", "Slow")]
    public void SasRec_BeatsPopularityAndAls_OnMl1mPartialLeaveLastOut()
    {
        var report = Run("ml-1m/ratings-partial-users-1-2999", Ml1mSettings, new TrainingContext { Threads = 2 });
        Assert.Equal(FullNdcg1m, report.Metrics["ndcg@10"], 0.006);
        Assert.True(report.Metrics["ndcg@10"] > 1.2 * AlsNdcg1m, "sasrec must beat als clearly");
    }

    private static EvaluationReport Run(string folder, Dictionary<string, string> settings, TrainingContext context)
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, folder));
        return Experiment.Run(data, new ExperimentOptions { Model = "sasrec", Settings = settings, Split = LeaveLastOut }, context);
    }

    private static readonly Dictionary<string, string> Ml1mSettings = new() { ["MaxLength"] = "200" };

    // Measured by these tests (seed 42). Peers on the same splits (knowrec evaluate --protocol leave-last-out):
    // ml-100k popularity 0.0449, als 0.0726; ml-1m partial popularity 0.0180, als 0.0487.
    private const double QuickNdcg = 0.0247;
    private const double QuickHit = 0.0488;
    private const double FullNdcg100k = 0.0943;
    private const double FullNdcg1m = 0.1163;
    private const double AlsNdcg100k = 0.0726;
    private const double AlsNdcg1m = 0.0487;
}
