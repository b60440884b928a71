using KnowRec.Data.Readers;
using KnowRec.Evaluation;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>content-knn figures on real data with two-sided tolerances.</summary>
public sealed class ContentKnnGoldenTests
{
    [DataFact("ml-100k")]
    public void ContentKnn_GivesGoldenFigures_OnMl100kUserRatio()
    {
        // Measured with `knowrec evaluate --data ml-100k --model content-knn --json` (seed 42, user-ratio 80/20): tfidf-lsa
        // over ml-100k's titles and genres only (no plots), so it sits well below CF models (ease NDCG@10 0.446) but above
        // random (about 0.01).
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "content-knn" }, new TrainingContext { Threads = 1 });
        Assert.Equal(943, report.Users);
        Assert.Equal(0.0712, report.Metrics["precision@10"], 0.003);
        Assert.Equal(0.0405, report.Metrics["recall@10"], 0.003);
        Assert.Equal(0.0831, report.Metrics["ndcg@10"], 0.003);
    }
}
