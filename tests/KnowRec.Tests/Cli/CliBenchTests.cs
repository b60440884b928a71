using KnowRec.Evaluation.Bench;
using KnowRec.Tests.Evaluation.Bench;
using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary><c>knowrec bench</c> as a user runs it, on a made-up plan and store: only a 60-row popularity run is measured.</summary>
public sealed class CliBenchTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RunStore _store;
    private readonly string _plan;
    private readonly string _results;
    private readonly BenchRun _stored = FakeRuns.Row("ease");
    private readonly BenchRun _broken = FakeRuns.Row("als");

    public CliBenchTests()
    {
        _store = new RunStore(Path.Combine(_folder.Path, "runs"));
        _results = _folder.Write("results.md", $"old tables\n{ResultsDocument.NotesMarker}\nhand notes\n");
        string tiny = _folder.Write("tiny.tsv", string.Concat(Enumerable.Range(0, 60).Select(i => $"u{i % 10}\ti{(i * 7) % 13}\t{1 + (i % 5)}\n")));
        string absent = Path.Combine(_folder.Path, "absent.tsv");
        _plan = _folder.Write("plan.json", $$"""
            { "sections": [
              { "title": "Stored", "runs": [
                { "data": "ml-1m/pieces-LIN452-ReSN", "model": "ease", "protocol": "fixed" },
                { "data": "ml-1m/pieces-LIN452-ReSN", "model": "als", "protocol": "fixed" } ] },
              { "title": "Tiny", "runs": [
                { "data": "{{tiny}}", "model": "popularity" },
                { "data": "{{absent}}", "model": "popularity" } ] } ] }
            """);
        _store.Write(_stored, FakeRuns.Record(_stored, 0.4348));
        _folder.Write(Path.Combine("runs", RunStore.FileName(_broken)), "{ not json");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void List_ShowsEachRowsFileAndState_WarnsAboutTheBrokenFile_AndWritesNothing()
    {
        var result = Bench("--list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"  1  ease on ml-1m/pieces-LIN452-ReSN (fixed): measured 2026-11-23 11:20 UTC\n     {_store.PathOf(_stored)}\n     knowrec evaluate --data ml-1m/pieces-LIN452-ReSN --model ease --protocol fixed\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  2  als on ml-1m/pieces-LIN452-ReSN (fixed): not measured (its file cannot be read", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 of 4 plan rows measured (4 listed).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"warning: {_store.PathOf(_broken)}: not a stored report", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("old tables", File.ReadAllText(_results), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_MeasuresTheMatchingRows_StoresThem_AndRendersTheWholeDocument()
    {
        var result = Bench("--only", "tiny");

        Assert.Equal(1, result.ExitCode); // the absent data file fails; the rest still lands
        Assert.Contains("absent.tsv' not found", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("measured 1 of 2 selected rows (1 failed)", result.Stdout, StringComparison.Ordinal);
        var tiny = BenchPlan.Load(_plan).Sections[1].Runs[0];
        var record = _store.Read(tiny)!;
        Assert.Equal(tiny.EvaluateArguments(), record.Arguments);
        Assert.Equal(MachineInfo.Describe(), record.Machine);
        Assert.InRange(record.Measured, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("popularity", record.Report.Model);

        string text = File.ReadAllText(_results);
        Assert.Contains("| 1 | ml-1m/pieces-LIN452-ReSN | ease | defaults | fixed | 0.2174 |", text, StringComparison.Ordinal);
        Assert.Contains("| 2 | ml-1m/pieces-LIN452-ReSN | als | defaults | fixed | not measured |", text, StringComparison.Ordinal);
        Assert.Matches(@"\| 3 \| [^|]*tiny.tsv \| popularity \| defaults \| user-ratio \| \d\.\d{4} \|", text);
        Assert.Contains("| 4 |", text, StringComparison.Ordinal);
        Assert.EndsWith($"{ResultsDocument.NotesMarker}\nhand notes\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_StampsAReportSavedByHand_AndMeasuresOnlyRowsWithoutOne()
    {
        var tiny = BenchPlan.Load(_plan).Sections[1].Runs[0];
        string bare = _folder.Write(Path.Combine("runs", RunStore.FileName(tiny)), FakeRuns.Report("popularity", 0.2).ToJson());
        File.SetLastWriteTimeUtc(bare, FakeRuns.Monday.UtcDateTime);

        var result = Bench("--missing");

        // als (broken file) and the absent data are measured; als finds no ml-1m here, so both fail quickly.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("measured 0 of 2 selected rows (2 failed)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("a report saved by hand", result.Stderr, StringComparison.Ordinal);
        var stamped = _store.Read(tiny)!;
        Assert.Equal(FakeRuns.Monday, stamped.Measured);
        Assert.Equal(tiny.EvaluateArguments(), stamped.Arguments);
        Assert.Null(stamped.Machine);
        Assert.Contains("## Tiny\n\nMeasured 2026-11-23 11:20 UTC on an unrecorded machine.\n", File.ReadAllText(_results), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_NoRowMatches_ExitsTwo_AndWritesNothing()
    {
        var result = Bench("--only", "sasrec");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no plan row matches --only \"sasrec\"", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("old tables", File.ReadAllText(_results), StringComparison.Ordinal);
    }

    private CliRunner.Result Bench(params string[] args) =>
        CliRunner.Run(new Dictionary<string, string?> { ["KNOWREC_DATA"] = _folder.Path }, ["bench", "--plan", _plan, "--out", _results, "--runs", _store.Directory, .. args]);
}
