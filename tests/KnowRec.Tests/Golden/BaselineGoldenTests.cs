using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>Rating-prediction figures of the baseline on real data, with two-sided tolerances.</summary>
public sealed class BaselineGoldenTests
{
    [DataFact("ml-100k")]
    public void Baseline_GivesGoldenRmse_OnMl100kFiveFold()
    {
        // Measured with `knowrec evaluate --data ml-100k --model baseline --protocol kfold --folds 5 --json` (seed 42):
        // 0.9438. Surprise's BaselineOnly reports 0.944 on its own 5 folds, so the two agree.
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        var report = Experiment.Run(data, new ExperimentOptions { Model = "baseline", Split = new SplitOptions { Protocol = SplitProtocol.KFold } });
        Assert.Equal(0.9438, report.Metrics["rmse"], 0.002);
        Assert.Equal(0.7483, report.Metrics["mae"], 0.002);
    }
}
