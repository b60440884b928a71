using KnowRec.Evaluation;
using KnowRec.Evaluation.Bench;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public sealed class ResultsDocumentTests
{
    [Fact]
    public void Merge_KeepsNotes_AndReplacesTables()
    {
        string old = $"# old tables\n\n{ResultsDocument.NotesMarker}\n\n## Tuning\nhand-written grid\n";
        string merged = ResultsDocument.Merge("# new tables\n", old);
        Assert.StartsWith("# new tables", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("old tables", merged, StringComparison.Ordinal);
        Assert.EndsWith("## Tuning\nhand-written grid\n", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_AddsMarker_ToNewDocument() =>
        Assert.Contains(ResultsDocument.NotesMarker, ResultsDocument.Merge("# t\n", null), StringComparison.Ordinal);

    [Fact]
    public void Render_ListsEveryRunWithItsCommand_AndFailures()
    {
        var ok = new BenchRun { Data = "ml-100k", Model = "svd", Protocol = "kfold", Folds = 5, Set = new Dictionary<string, string> { ["Factors"] = "50" }, Target = "RMSE ≤ 0.930" };
        var bad = new BenchRun { Data = "nowhere", Model = "popularity" };
        var report = new EvaluationReport
        {
            Dataset = "ml-100k",
            Model = "svd",
            Protocol = "kfold/full",
            Metrics = new Dictionary<string, double> { ["rmse"] = 0.91234, ["ndcg@10"] = 0.1 },
            FitSeconds = 0.1,
        };
        var section = new BenchSection { Title = "Ratings", Runs = [ok, bad] };
        string text = ResultsDocument.Render([(section, [new BenchResult(ok, report, null), new BenchResult(bad, null, "Dataset 'nowhere' not found.")])], "test machine", DateTimeOffset.UnixEpoch, "knowrec bench");
        Assert.Contains("| 1 | ml-100k | svd | Factors=50 | kfold (5) | 0.9123 |", text, StringComparison.Ordinal);
        Assert.Contains("failed: Dataset 'nowhere' not found.", text, StringComparison.Ordinal);
        Assert.Contains("1. `knowrec evaluate --data ml-100k --model svd --protocol kfold --folds 5 --set Factors=50`", text, StringComparison.Ordinal);
        Assert.Contains("Machine: test machine.", text, StringComparison.Ordinal);
    }
}
