using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Training;

public sealed class TrainingLoopTests
{
    [Fact]
    public void Run_RunsEveryEpochInOrder_ReportingEachAndFittingTheModel()
    {
        var model = new TinyRegression();
        var reports = new Reports();
        var result = new TrainingLoop(20, new TrainingContext { Progress = reports }).Run(model.Epoch);

        Assert.Equal(Enumerable.Range(0, 20), model.Ran);
        Assert.Equal(Enumerable.Range(1, 20), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.Equal(20, r.Epochs));
        Assert.All(reports, r => Assert.Null(r.ValidationMetric));
        Assert.True(reports[^1].Loss < reports[0].Loss * 1e-3, $"loss {reports[0].Loss} → {reports[^1].Loss}");
        Assert.Equal(3f, model.W.Data[0], 2);
        Assert.Equal(-1f, model.B.Data[0], 2);
        Assert.Equal(new TrainingResult(20, reports[^1].Loss, false, 0, double.NaN, 0), result);
    }

    [Fact]
    public void Run_ThrowsModelFitException_NamingTheEpoch_WhenTheLossIsNotFinite()
    {
        // A learning rate of 5 makes SGD on this problem diverge; the loop stops at the first non-finite loss.
        var model = new TinyRegression(learningRate: 5f);
        var reports = new Reports();
        var error = Assert.Throws<ModelFitException>(() => new TrainingLoop(200, new TrainingContext { Progress = reports }).Run(model.Epoch));
        Assert.Contains($"epoch {model.Ran.Count}:", error.Message, StringComparison.Ordinal);
        Assert.Equal(model.Ran.Count - 1, reports.Count);
        Assert.InRange(model.Ran.Count, 2, 199);

        var nan = Assert.Throws<ModelFitException>(() => new TrainingLoop(5).Run(epoch => epoch == 2 ? double.NaN : 1.0));
        Assert.Contains("epoch 3: the loss is NaN", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HonoursCancellation_BeforeTheNextEpoch()
    {
        using var cancel = new CancellationTokenSource();
        var model = new TinyRegression();
        var reports = new Reports(report =>
        {
            if (report.Epoch == 2)
            {
                cancel.Cancel();
            }
        });
        var loop = new TrainingLoop(10, new TrainingContext { Progress = reports, Cancellation = cancel.Token });
        Assert.ThrowsAny<OperationCanceledException>(() => loop.Run(model.Epoch));
        Assert.Equal([0, 1], model.Ran);
    }

    [Fact]
    public void Run_StopsEarly_AndRestoresTheBestParameters()
    {
        // The scripted metric peaks after epoch 4 (validated every 2 epochs: 2, 4, 6, 8) and patience 2 stops after 8.
        var model = new TinyRegression();
        double[] script = [0.1, 0.3, 0.2, 0.25, 0.9, 0.9];
        int evaluation = 0;
        float[] atBest = [];
        var reports = new Reports();
        var loop = new TrainingLoop(12, new TrainingContext { Progress = reports })
        {
            Validation = () =>
            {
                double metric = script[evaluation++];
                if (evaluation == 2)
                {
                    atBest = [model.W.Data[0], model.B.Data[0]];
                }

                return metric;
            },
            ValidationEvery = 2,
            EarlyStopping = new EarlyStopping(model.Optimizer.Parameters, patience: 2),
        };

        var result = loop.Run(model.Epoch);
        Assert.Equal(8, model.Ran.Count);
        Assert.Equal(new TrainingResult(8, reports[^1].Loss, true, 4, 0.3, 0), result);
        Assert.Equal([null, 0.1, null, 0.3, null, 0.2, null, 0.25], reports.Select(r => r.ValidationMetric));
        Assert.Equal(atBest, new[] { model.W.Data[0], model.B.Data[0] });
    }

    [Fact]
    public void Run_ValidatesAfterTheLastEpoch_EvenOffTheSchedule()
    {
        var model = new TinyRegression();
        var reports = new Reports();
        var loop = new TrainingLoop(5, new TrainingContext { Progress = reports }) { Validation = model.Closeness, ValidationEvery = 3 };
        loop.Run(model.Epoch);
        Assert.Equal([false, false, true, false, true], reports.Select(r => r.ValidationMetric is not null));
        Assert.Equal(model.Closeness(), reports[^1].ValidationMetric);
    }

    [Fact]
    public void Run_ResumesFromItsCheckpoint_ExactlyWhereAnUninterruptedRunWouldBe()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "loop.ckpt");
        var straight = new TinyRegression();
        new TrainingLoop(9).Run(straight.Epoch);

        // First run: 9 epochs planned, cancelled during epoch 6 (after checkpoints at 2 and 4, since every 2).
        using var cancel = new CancellationTokenSource();
        var first = new TinyRegression();
        var interrupted = new TrainingLoop(9, new TrainingContext { Cancellation = cancel.Token })
        {
            Optimizer = first.Optimizer,
            CheckpointPath = path,
            CheckpointEvery = 2,
        };
        Assert.ThrowsAny<OperationCanceledException>(() => interrupted.Run(epoch =>
        {
            if (epoch == 5)
            {
                cancel.Cancel();
                cancel.Token.ThrowIfCancellationRequested();
            }

            return first.Epoch(epoch);
        }));

        var second = new TinyRegression();
        var reports = new Reports();
        var resumed = new TrainingLoop(9, new TrainingContext { Progress = reports })
        {
            Optimizer = second.Optimizer,
            CheckpointPath = path,
            CheckpointEvery = 2,
            Resume = true,
        };
        var result = resumed.Run(second.Epoch);
        Assert.Equal(4, result.ResumedFrom);
        Assert.Equal(9, result.Epochs);
        Assert.Equal([4, 5, 6, 7, 8], second.Ran);
        Assert.Equal([5, 6, 7, 8, 9], reports.Select(r => r.Epoch));
        Assert.Equal(straight.W.Data, second.W.Data);
        Assert.Equal(straight.B.Data, second.B.Data);
        Assert.Equal(straight.Optimizer.Steps, second.Optimizer.Steps);

        // The final checkpoint is at epoch 9 (the last epoch always saves), so resuming again runs nothing.
        var third = new TinyRegression();
        var again = new TrainingLoop(9) { Optimizer = third.Optimizer, CheckpointPath = path, Resume = true }.Run(third.Epoch);
        Assert.Equal(new TrainingResult(9, double.NaN, false, 0, double.NaN, 9), again);
        Assert.Empty(third.Ran);
        Assert.Equal(straight.W.Data, third.W.Data);
    }

    [Fact]
    public void Run_StartsAfresh_WhenResumeFindsNoCheckpoint()
    {
        using var folder = new TempFolder();
        var model = new TinyRegression();
        var loop = new TrainingLoop(3) { Optimizer = model.Optimizer, CheckpointPath = Path.Combine(folder.Path, "none.ckpt"), Resume = true };
        Assert.Equal(0, loop.Run(model.Epoch).ResumedFrom);
        Assert.Equal([0, 1, 2], model.Ran);
        Assert.True(File.Exists(Path.Combine(folder.Path, "none.ckpt")));
    }

    [Fact]
    public void Run_RejectsInconsistentSettings()
    {
        var model = new TinyRegression();
        Assert.Throws<InvalidOperationException>(() => new TrainingLoop(2) { EarlyStopping = new EarlyStopping([]) }.Run(model.Epoch));
        Assert.Throws<InvalidOperationException>(() => new TrainingLoop(2) { CheckpointPath = "x.ckpt" }.Run(model.Epoch));
        Assert.Throws<InvalidOperationException>(() => new TrainingLoop(2) { Optimizer = model.Optimizer, Resume = true }.Run(model.Epoch));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingLoop(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingLoop(2) { ValidationEvery = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingLoop(2) { CheckpointEvery = 0 });
        Assert.Empty(model.Ran);
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Reports(Action<EpochReport>? onReport = null) : List<EpochReport>, IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            Add(value);
            onReport?.Invoke(value);
        }
    }
}
