using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Training;

public sealed class CheckpointTests
{
    [Fact]
    public void Resume_FromACheckpoint_ContinuesBitForBitLikeAnUninterruptedRun()
    {
        var straight = new TinyFactorization();
        var straightLosses = Enumerable.Range(0, 6).Select(straight.Epoch).ToArray();

        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "run.ckpt");
        var first = new TinyFactorization();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            first.Epoch(epoch);
        }

        Checkpoint.Save(path, 3, first.Optimizer.Parameters, first.Optimizer);

        // A fresh process would build the model from its seed again, then load.
        var resumed = new TinyFactorization();
        int done = Checkpoint.Load(path, resumed.Optimizer.Parameters, resumed.Optimizer);
        Assert.Equal(3, done);
        var resumedLosses = Enumerable.Range(done, 3).Select(resumed.Epoch).ToArray();

        Assert.Equal(straightLosses[3..], resumedLosses);
        Assert.Equal(straight.Snapshot(), resumed.Snapshot());
        Assert.Equal(straight.Optimizer.Steps, resumed.Optimizer.Steps);
    }

    [Fact]
    public void Load_RestoresParametersOptimizerStateStepsAndLearningRate()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "run.ckpt");
        var trained = new TinyFactorization();
        trained.Epoch(0);
        trained.Optimizer.LearningRate = 0.01f;
        Checkpoint.Save(path, 1, trained.Optimizer.Parameters, trained.Optimizer);

        var fresh = new TinyFactorization();
        Assert.Equal(1, Checkpoint.Load(path, fresh.Optimizer.Parameters, fresh.Optimizer));
        Assert.Equal(trained.Snapshot(), fresh.Snapshot());
        Assert.Equal(trained.Optimizer.Steps, fresh.Optimizer.Steps);
        Assert.Equal(0.01f, fresh.Optimizer.LearningRate);
        Assert.Equal(6, fresh.Optimizer.State.Count);
        for (int s = 0; s < 6; s++)
        {
            Assert.Equal(trained.Optimizer.State[s], fresh.Optimizer.State[s]);
        }
    }

    [Fact]
    public void Load_RestoresEarlyStoppingState()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "run.ckpt");
        var model = new TinyRegression();
        var stopping = new EarlyStopping(model.Optimizer.Parameters, patience: 4);
        model.Epoch(0);
        stopping.Report(1, 0.5);
        model.Epoch(1);
        stopping.Report(2, 0.4);
        Checkpoint.Save(path, 2, model.Optimizer.Parameters, model.Optimizer, stopping);

        var fresh = new TinyRegression();
        var restored = new EarlyStopping(fresh.Optimizer.Parameters, patience: 4);
        Checkpoint.Load(path, fresh.Optimizer.Parameters, fresh.Optimizer, restored);
        Assert.Equal((0.5, 1, 1), (restored.BestMetric, restored.BestEpoch, restored.EvaluationsWithoutImprovement));
        Assert.True(restored.RestoreBest());
        stopping.RestoreBest();
        Assert.Equal(model.W.Data, fresh.W.Data);
        Assert.Equal(model.B.Data, fresh.B.Data);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("magic")]
    [InlineData("empty")]
    public void Load_RefusesADamagedFile_NamingItAndChangingNothing(string damage)
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "damaged.ckpt");
        var trained = new TinyFactorization();
        trained.Epoch(0);
        Checkpoint.Save(path, 1, trained.Optimizer.Parameters, trained.Optimizer);
        byte[] bytes = File.ReadAllBytes(path);
        bytes = damage switch
        {
            "flip" => Flip(bytes, bytes.Length / 2),
            "truncate" => bytes[..^10],
            "magic" => Flip(bytes, 0),
            _ => [],
        };
        File.WriteAllBytes(path, bytes);

        var fresh = new TinyFactorization();
        var before = fresh.Snapshot();
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, fresh.Optimizer.Parameters, fresh.Optimizer));
        Assert.Contains("damaged.ckpt", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, fresh.Snapshot());
        Assert.Equal(0, fresh.Optimizer.Steps);
    }

    [Fact]
    public void Load_RefusesAModelOfAnotherShape_WithAClearMessage()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "run.ckpt");
        var a = Tensor.Zeros([6, 3], requiresGrad: true);
        var b = Tensor.Zeros([3], requiresGrad: true);
        Checkpoint.Save(path, 1, [a, b], new Sgd([a, b], 0.1f));

        var wider = Tensor.Zeros([7, 3], requiresGrad: true);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [wider, b], new Sgd([wider, b], 0.1f)));
        Assert.Contains("parameter 0 of shape [6, 3] but the model's is [7, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("run.ckpt", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [a], new Sgd([a], 0.1f)));
        Assert.Contains("2 parameters but the model has 1", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [a, b], new Adam([a, b])));
        Assert.Contains("Sgd state but the optimiser is Adam", error.Message, StringComparison.Ordinal);

        // Same type, other state layout: momentum keeps a velocity per parameter, plain SGD none.
        error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [a, b], new Sgd([a, b], 0.1f, momentum: 0.9f)));
        Assert.Contains("0 optimiser state arrays but 2 are expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_ReplacesTheFileAtomically_LeavingNoTemporaryFiles()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "run.ckpt");
        var model = new TinyRegression();
        Checkpoint.Save(path, 1, model.Optimizer.Parameters, model.Optimizer);
        model.Epoch(0);
        Checkpoint.Save(path, 2, model.Optimizer.Parameters, model.Optimizer);
        Assert.Equal(["run.ckpt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));

        var fresh = new TinyRegression();
        Assert.Equal(2, Checkpoint.Load(path, fresh.Optimizer.Parameters, fresh.Optimizer));
        Assert.Equal(model.W.Data, fresh.W.Data);
        Assert.True("KNCK"u8.SequenceEqual(File.ReadAllBytes(path).AsSpan(0, 4)));
    }

    [Fact]
    public void Load_ThrowsFileNotFound_ForAMissingFile()
    {
        var model = new TinyRegression();
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.ckpt"), model.Optimizer.Parameters, model.Optimizer));
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x5A;
        return bytes;
    }
}
