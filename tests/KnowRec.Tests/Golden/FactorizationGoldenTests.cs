using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>RMSE of the factor models on MovieLens-100K with default options, two-sided: too good usually means leakage.</summary>
/// <remarks>
/// Tolerances allow for a different SIMD width (the order of float sums in the dot products changes with it); on one
/// machine the figures repeat to the last digit. For reference, Surprise's SVD and SVDpp with their defaults reach
/// 0.9367 and 0.9214 on a 5-fold ml-100k run.
/// </remarks>
public sealed class FactorizationGoldenTests
{
    [DataFact("ml-100k")]
    public void Svd_GivesGoldenRmse_OnMl100kUserRatio()
    {
        var report = Run("svd", new SplitOptions());
        Assert.Equal(0.8997, report.Metrics["rmse"], 0.004);
        Assert.Equal(0.7086, report.Metrics["mae"], 0.004);
    }

    [DataFact("ml-100k")]
    [Trait("Category", "Slow")]
    public void Svd_BeatsTarget_OnMl100kFiveFold()
    {
        var report = Run("svd", new SplitOptions { Protocol = SplitProtocol.KFold, Folds = 5 });
        Assert.Equal(0.9047, report.Metrics["rmse"], 0.004);
        Assert.True(report.Metrics["rmse"] <= 0.930);
    }

    [DataFact("ml-100k")]
    public void Svdpp_GivesGoldenRmse_OnMl100kUserRatio()
    {
        var report = Run("svdpp", new SplitOptions());
        Assert.Equal(0.8888, report.Metrics["rmse"], 0.004);
        Assert.Equal(0.6979, report.Metrics["mae"], 0.004);
    }

    [DataFact("ml-100k")]
    [Trait("Category", "Slow")]
    public void Svdpp_BeatsTarget_OnMl100kFiveFold()
    {
        var report = Run("svdpp", new SplitOptions { Protocol = SplitProtocol.KFold, Folds = 5 });
        Assert.Equal(0.8931, report.Metrics["rmse"], 0.004);
        Assert.True(report.Metrics["rmse"] <= 0.915);
    }

    private static EvaluationReport Run(string model, SplitOptions split)
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        return Experiment.Run(data, new ExperimentOptions { Model = model, Split = split });
    }
}
