using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>item-knn and user-knn ranking figures on real data, with two-sided tolerances: too good usually means leakage.</summary>
public sealed class ItemKnnGoldenTests
{
    [DataFact("ml-100k")]
    public void ItemKnn_GivesGoldenNdcg_OnMl100kUserRatio()
    {
        // Measured once with `knowrec evaluate --data ml-100k --model item-knn --json` (seed 42, user-ratio 80/20).
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "item-knn" });
        Assert.Equal(GoldenItemNdcg100k, report.Metrics["ndcg@10"], 0.003);
        Assert.False(report.Metrics.ContainsKey("rmse"), "item-knn scores are ranking scores, not ratings");
    }

    [DataFact("ml-100k")]
    public void UserKnn_GivesGoldenNdcg_OnMl100kUserRatio()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "user-knn" });
        Assert.Equal(GoldenUserNdcg100k, report.Metrics["ndcg@10"], 0.003);
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    [Trait("Category", "Slow")]
    public void ItemKnn_BeatsImplicitCosine_OnMl1mFixedSplit()
    {
        // implicit's CosineRecommender (K = 100) gets NDCG@10 0.3173 on this split; item-knn with k = 100, no weighting,
        // gets 0.3169 here; the defaults (TF-IDF, k = 30, chosen on a validation split of train only) get 0.3563.
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-1m/pieces-LIN452-ReSN"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "item-knn", Split = new SplitOptions { Protocol = SplitProtocol.Fixed } });
        Assert.Equal(GoldenItemNdcg1m, report.Metrics["ndcg@10"], 0.003);
        Assert.True(report.Metrics["ndcg@10"] >= 0.32);
    }

    private const double GoldenItemNdcg100k = 0.3723;
    private const double GoldenUserNdcg100k = 0.3928;
    private const double GoldenItemNdcg1m = 0.3563;
}
