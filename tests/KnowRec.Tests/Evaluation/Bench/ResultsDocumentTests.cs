using KnowRec.Evaluation.Bench;
using Xunit;

namespace KnowRec.Tests.Evaluation.Bench;

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
    public void Render_MeasuredAndUnmeasuredRows_EveryRowShownWithItsCommand()
    {
        var svd = new BenchRun { Data = "ml-100k", Model = "svd", Protocol = "kfold", Folds = 5, Set = new Dictionary<string, string> { ["Factors"] = "50" }, Target = "RMSE ≤ 0.930" };
        var lightgcn = FakeRuns.Row("lightgcn") with { Target = "NDCG@10 ≥ 0.41" };
        var section = new BenchSection { Title = "Ratings", Note = "A note.", Runs = [svd, lightgcn] };
        var records = Store((svd, RunRecord.Now(svd, FakeRuns.Report("svd", 0.1, rmse: 0.91234), "test machine", FakeRuns.Monday)));

        string text = ResultsDocument.Render([section], records, FakeRuns.Monday.AddDays(2), "knowrec bench", "benchmarks/runs/");

        Assert.Contains("Rendered by `knowrec bench` on 2026-11-25 11:20 UTC from the reports stored in `benchmarks/runs/` (1 of 2 rows measured).", text, StringComparison.Ordinal);
        Assert.Contains("A note.\n\nMeasured 2026-11-23 11:20 UTC on test machine.\n", text, StringComparison.Ordinal);
        Assert.Contains("| 1 | ml-100k | svd | Factors=50 | kfold (5) | 0.9123 | — | 0.0500 | — | 0.1000 | — | — | 1.500 | 0.250 | — | — | RMSE ≤ 0.930 |", text, StringComparison.Ordinal);
        Assert.Contains("| 2 | ml-1m/pieces-LIN452-ReSN | lightgcn | defaults | fixed | not measured |", text, StringComparison.Ordinal);
        Assert.Contains("| NDCG@10 ≥ 0.41 |", text, StringComparison.Ordinal);
        Assert.Contains("1. `knowrec evaluate --data ml-100k --model svd --protocol kfold --folds 5 --set Factors=50` — measured 2026-11-23 11:20 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("2. `knowrec evaluate --data ml-1m/pieces-LIN452-ReSN --model lightgcn --protocol fixed` — **not measured**: `knowrec bench --only ml-1m-pieces-LIN452-ReSN_lightgcn_fixed_4b0df527`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RowsFromDifferentRunsAndMachines_TableGivesTheSpan_AndEachRowItsDateAndMachine()
    {
        var ease = FakeRuns.Row("ease");
        var als = FakeRuns.Row("als");
        var bpr = FakeRuns.Row("bpr");
        var records = Store(
            (ease, FakeRuns.Record(ease, 0.43)),
            (als, FakeRuns.Record(als, 0.42, FakeRuns.Monday.AddDays(3).AddHours(2), "other machine")),
            (bpr, FakeRuns.Record(bpr, 0.41, FakeRuns.Monday.AddMinutes(40))));
        BenchSection[] sections = [new() { Title = "A", Runs = [ease, bpr] }, new() { Title = "B", Runs = [ease, als] }];

        string text = ResultsDocument.Render(sections, records, FakeRuns.Monday.AddDays(4), "knowrec bench", "runs/");

        Assert.Contains("## A\n\nMeasured 2026-11-23 11:20–12:00 UTC on test machine.\n", text, StringComparison.Ordinal);
        Assert.Contains("## B\n\nMeasured 2026-11-23 11:20 UTC – 2026-11-26 13:20 UTC on 2 machines (named under the table).\n", text, StringComparison.Ordinal);
        Assert.Contains("4. `knowrec evaluate --data ml-1m/pieces-LIN452-ReSN --model als --protocol fixed` — measured 2026-11-26 13:20 UTC on other machine", text, StringComparison.Ordinal);
        Assert.Contains("| 3 | ml-1m/pieces-LIN452-ReSN | ease | defaults | fixed |", text, StringComparison.Ordinal);
        Assert.Contains("(4 of 4 rows measured)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NothingMeasured_SaysSo_AndStillListsEveryRow()
    {
        BenchSection[] sections = [new() { Title = "Sequential", Runs = [FakeRuns.Row("sasrec"), FakeRuns.Row("als")] }];
        string text = ResultsDocument.Render(sections, Store(), FakeRuns.Monday, "knowrec bench --runs x", "x/");
        Assert.Contains("## Sequential\n\nNot measured yet.\n", text, StringComparison.Ordinal);
        Assert.Contains("(0 of 2 rows measured)", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("**not measured**: `knowrec bench --runs x --only ml-1m-pieces-LIN452-ReSN_").Length - 1);
    }

    private static Dictionary<string, RunRecord> Store(params (BenchRun Run, RunRecord Record)[] rows) =>
        rows.ToDictionary(r => RunStore.FileName(r.Run), r => r.Record);
}
