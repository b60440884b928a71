using KnowRec.Evaluation.Bench;
using Xunit;

namespace KnowRec.Tests.Evaluation.Bench;

public sealed class RunStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void FileName_IsReadableSlugPlusHashOfTheArguments_SameOnEveryMachine()
    {
        // Hash: first 8 hex digits of SHA-256 over the arguments joined by NUL, checked with Python's hashlib.
        Assert.Equal("ml-1m-pieces-LIN452-ReSN_lightgcn_fixed_4b0df527.json", RunStore.FileName(FakeRuns.Row("lightgcn")));
        Assert.Equal(
            "ml-1m-pieces-LIN452-ReSN_item-knn_fixed_3893c6cc.json",
            RunStore.FileName(FakeRuns.Row("item-knn", set: [("Weighting", "None"), ("Neighbours", "100")])));
    }

    [Fact]
    public void FileName_SameForEqualRows_DifferentWhenOnlySetOrItsOrderDiffers()
    {
        string plain = RunStore.FileName(FakeRuns.Row("ease"));
        string tuned = RunStore.FileName(FakeRuns.Row("ease", set: [("Regularization", "500")]));
        string other = RunStore.FileName(FakeRuns.Row("ease", set: [("Regularization", "250")]));
        string ab = RunStore.FileName(FakeRuns.Row("als", set: [("Factors", "64"), ("Iterations", "15")]));
        string ba = RunStore.FileName(FakeRuns.Row("als", set: [("Iterations", "15"), ("Factors", "64")]));

        Assert.Equal(plain, RunStore.FileName(FakeRuns.Row("ease")));
        Assert.Equal(5, new[] { plain, tuned, other, ab, ba }.Distinct().Count());
        Assert.StartsWith("ml-1m-pieces-LIN452-ReSN_ease_fixed_", tuned, StringComparison.Ordinal);
    }

    [Fact]
    public void FileName_PathsAndFoldsBecomeASafeSlug()
    {
        var run = new BenchRun { Data = "/data/my set/ratings.csv", Model = "svd", Protocol = "kfold", Folds = 5 };
        string name = RunStore.FileName(run);
        Assert.Matches("^data-my-set-ratings.csv_svd_kfold-5_[0-9a-f]{8}\\.json$", name);
    }

    [Fact]
    public void Write_ThenRead_RoundTripsEveryField_AndLeavesNoTemporaryFile()
    {
        var store = new RunStore(Path.Combine(_folder.Path, "runs"));
        var run = FakeRuns.Row("bpr", set: [("Factors", "64")]);
        var report = FakeRuns.Report("bpr", 0.4111);
        var record = FakeRuns.Record(run, 0.4111) with
        {
            Report = report with { PeakMemoryMiB = 239, RecommendAllSeconds = 0.127, Metrics = new Dictionary<string, double>(report.Metrics) { ["auc"] = double.NaN } },
        };

        store.Write(run, record);
        var back = store.Read(run)!;

        Assert.Equal(FakeRuns.Monday, back.Measured);
        Assert.Equal("test machine", back.Machine);
        Assert.Equal("knowrec evaluate --data ml-1m/pieces-LIN452-ReSN --model bpr --protocol fixed --set Factors=64 --json", back.Command);
        Assert.Equal(run.EvaluateArguments(), back.Arguments);
        Assert.Equal(record.Report.ToJson(), back.Report.ToJson());
        Assert.Equal([RunStore.FileName(run)], Directory.GetFiles(store.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_ReplacesAnEarlierReport()
    {
        var store = new RunStore(_folder.Path);
        var run = FakeRuns.Row("ease");
        store.Write(run, FakeRuns.Record(run, 0.1));
        store.Write(run, FakeRuns.Record(run, 0.4348, FakeRuns.Monday.AddDays(1)));
        var back = store.Read(run)!;
        Assert.Equal(0.4348, back.Report.Metrics["ndcg@10"]);
        Assert.Equal(FakeRuns.Monday.AddDays(1), back.Measured);
    }

    [Fact]
    public void Read_NoFile_IsNull() => Assert.Null(new RunStore(Path.Combine(_folder.Path, "absent")).Read(FakeRuns.Row("ease")));

    [Fact]
    public void Read_CorruptFile_ThrowsNamingTheFile()
    {
        var store = new RunStore(_folder.Path);
        var run = FakeRuns.Row("ease");
        _folder.Write(RunStore.FileName(run), "{\"measured\": \"2026-11-23T11:20:05Z\", \"report\": {");
        var e = Assert.Throws<InvalidDataException>(() => store.Read(run));
        Assert.StartsWith(store.PathOf(run) + ": not a stored report", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReportOfOtherArguments_IsRefused()
    {
        var store = new RunStore(_folder.Path);
        var run = FakeRuns.Row("ease");
        var other = FakeRuns.Row("ease", set: [("Regularization", "500")]);
        _folder.Write(RunStore.FileName(run), FakeRuns.Record(other, 0.43).ToJson());
        var e = Assert.Throws<InvalidDataException>(() => store.Read(run));
        Assert.Contains("other arguments", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BareEvaluateReport_IsDatedByItsFile_WithNoMachine()
    {
        var store = new RunStore(_folder.Path);
        var run = FakeRuns.Row("ease");
        string path = _folder.Write(RunStore.FileName(run), FakeRuns.Report("ease", 0.43).ToJson());
        File.SetLastWriteTimeUtc(path, FakeRuns.Monday.UtcDateTime);

        var back = store.Read(run)!;

        Assert.Equal(FakeRuns.Monday, back.Measured);
        Assert.Null(back.Machine);
        Assert.Null(back.Arguments);
        Assert.Equal(run.CommandLine() + " --json", back.Command);
        Assert.Equal(0.43, back.Report.Metrics["ndcg@10"]);
    }

    [Fact]
    public void Read_BareReportOfAnotherModel_IsRefused()
    {
        var store = new RunStore(_folder.Path);
        var run = FakeRuns.Row("ease");
        _folder.Write(RunStore.FileName(run), FakeRuns.Report("als", 0.43).ToJson());
        Assert.Contains("model 'als'", Assert.Throws<InvalidDataException>(() => store.Read(run)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_SkipsUnreadableFilesWithAWarning_AndKeysByFileName()
    {
        var store = new RunStore(_folder.Path);
        var good = FakeRuns.Row("ease");
        var bad = FakeRuns.Row("als");
        var absent = FakeRuns.Row("bpr");
        store.Write(good, FakeRuns.Record(good, 0.43));
        _folder.Write(RunStore.FileName(bad), "");
        var warnings = new List<string>();

        var found = store.ReadAll([new BenchSection { Title = "t", Runs = [good, bad, absent, FakeRuns.Row("ease")] }], warnings);

        Assert.Equal([RunStore.FileName(good)], found.Keys);
        var warning = Assert.Single(warnings);
        Assert.StartsWith($"warning: {store.PathOf(bad)}: not a stored report", warning, StringComparison.Ordinal);
        Assert.EndsWith("treated as not measured.", warning, StringComparison.Ordinal);
    }
}
