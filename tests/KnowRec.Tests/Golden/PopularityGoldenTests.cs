using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>Popularity and random figures on real data, with two-sided tolerances: too good usually means leakage.</summary>
public sealed class PopularityGoldenTests
{
    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    public void Popularity_MatchesIndependentFigures_OnMl1mFixedSplit()
    {
        // 0.1815 / 0.0667 / 0.2011 are what an independent computation (plain Python over train.txt/test.txt) gets.
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-1m/pieces-LIN452-ReSN"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "popularity", Split = new SplitOptions { Protocol = SplitProtocol.Fixed } });
        Assert.Equal(6039, report.Users);
        Assert.Equal(800_167, report.Train);
        Assert.Equal(200_042, report.Test);
        Assert.Equal(0.1815, report.Metrics["precision@10"], 0.0005);
        Assert.Equal(0.0667, report.Metrics["recall@10"], 0.0005);
        Assert.Equal(0.2011, report.Metrics["ndcg@10"], 0.0005);
    }

    [DataFact("ml-100k")]
    public void Popularity_GivesGoldenFigures_OnMl100kUserRatio()
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "popularity" });
        Assert.Equal(943, report.Users);
        Assert.Equal(GoldenPrecision, report.Metrics["precision@10"], 0.002);
        Assert.Equal(GoldenNdcg, report.Metrics["ndcg@10"], 0.002);
        Assert.InRange(report.Metrics["coverage@10"], 0.01, 0.15);
        Assert.False(report.Metrics.ContainsKey("rmse"), "popularity does not predict ratings");
    }

    [DataFact("ml-100k")]
    public void Random_ScoresAtChanceLevel_OnMl100k()
    {
        // For a uniformly random ranking of the items a user has not seen, E[hits@10] = 10 · |test_u| / (items − |train_u|).
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var split = Splitter.Split(data, new SplitOptions())[0];
        double expected = 0;
        int users = 0;
        for (int u = 0; u < data.Users.Count; u++)
        {
            int test = split.Test.Matrix.CountOf(u);
            if (test > 0)
            {
                expected += (double)test / (data.Items.Count - split.Train.Matrix.CountOf(u));
                users++;
            }
        }

        var report = Experiment.Run(data, new ExperimentOptions { Model = "random" });
        Assert.Equal(expected / users, report.Metrics["precision@10"], 0.006);
    }

    // Measured once with `knowrec evaluate --data ml-100k --model popularity --json` (seed 42, user-ratio 80/20).
    private const double GoldenPrecision = 0.1940;
    private const double GoldenNdcg = 0.2238;
}
