using KnowRec.Data.Readers;
using KnowRec.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>
/// The hybrid model on ml-100k with the genre multi-hot as its only item source (ml-100k has no text or graph), one
/// thread, seed 42, training shortened to two epochs as the other neural goldens are; two-sided tolerance.
/// </summary>
public sealed class HybridGoldenTests
{
    private static readonly TrainingContext OneThread = new() { Threads = 1 };

    [DataFact("ml-100k")]
    public void Hybrid_GivesGoldenNdcg_OnMl100kUserRatio()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var settings = new Dictionary<string, string> { ["Epochs"] = "2", ["Sources"] = "genres" };
        var report = Experiment.Run(data, new ExperimentOptions { Model = "hybrid", Settings = settings }, OneThread);

        // Measured by this test (one thread): 0.2525; two-tower, which reads the same genres as plain features, gets 0.2535.
        Assert.Equal(GoldenHybrid100k, report.Metrics["ndcg@10"], 0.003);
    }

    private const double GoldenHybrid100k = 0.2525;
}
