using System.Globalization;
using System.Text;

namespace KnowRec.Evaluation.Bench;

/// <summary>
/// Renders <c>docs/results.md</c> from the run store: one table per plan section, every row either its stored report
/// or "not measured", then each row's command with its measurement date.
/// </summary>
public static class ResultsDocument
{
    private static readonly string[] RankingColumns = ["precision@10", "recall@10", "ndcg@10", "map@10", "coverage@10"];
    private static readonly string[] RatingColumns = ["rmse", "mae"];
    private const string UnknownMachine = "an unrecorded machine";

    /// <summary>
    /// Marks where the generated part ends: everything from this line on in an existing document is written notes
    /// (tuning grids, kernel figures, analysis) that <see cref="Merge"/> keeps when the tables are regenerated.
    /// </summary>
    public const string NotesMarker = "<!-- Notes below this line are kept by `knowrec bench`; the tables above are regenerated. -->";

    /// <summary>The regenerated tables followed by the notes part of <paramref name="existing"/> (if any).</summary>
    public static string Merge(string generated, string? existing)
    {
        ArgumentNullException.ThrowIfNull(generated);
        int at = existing?.IndexOf(NotesMarker, StringComparison.Ordinal) ?? -1;
        string notes = at >= 0 ? existing![at..] : NotesMarker + "\n";
        return generated.TrimEnd() + "\n\n" + notes;
    }

    /// <summary>The markdown text: every row of every section, measured or not.</summary>
    /// <param name="sections">The plan's sections, in document order.</param>
    /// <param name="records">Stored reports keyed by <see cref="RunStore.FileName"/>; a row without one is "not measured".</param>
    /// <param name="rendered">When the document is rendered.</param>
    /// <param name="benchCommand">The command that renders it, e.g. <c>knowrec bench</c>; <c>--only FILE</c> appended measures one row.</param>
    /// <param name="store">The run store's folder, as the reader should see it.</param>
    public static string Render(IReadOnlyList<BenchSection> sections, IReadOnlyDictionary<string, RunRecord> records, DateTimeOffset rendered, string benchCommand, string store)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(records);
        var rows = sections.Select(s => s.Runs.Select(r => records.GetValueOrDefault(RunStore.FileName(r))).ToList()).ToList();
        int total = rows.Sum(r => r.Count);
        int measured = rows.Sum(r => r.Count(x => x is not null));
        var text = new StringBuilder();
        text.AppendLine("# Measured results");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rendered by `{benchCommand}` on {Date(rendered)} from the reports stored in `{store}` ({measured} of {total} rows measured).");
        text.AppendLine();
        text.AppendLine("Every row is one `knowrec evaluate` run in its own process (its command is listed under the table): full-catalogue ranking, K = 10, training items excluded. Times are wall-clock seconds for one run (k-fold: mean per fold); `rec-all` is top-10 for every user from the fitted model; `peak MiB` is the process's peak resident memory.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Each row's report is stored on its own and rows are re-measured a few at a time (`{benchCommand} --only TEXT`), so the rows of one table may come from different runs or machines: each table says when and where its rows were measured, and the list under it dates every row. These machines are noisy: compare ratios only between rows measured in the same session on the same machine.");
        int number = 0;
        for (int s = 0; s < sections.Count; s++)
        {
            text.AppendLine();
            AppendSection(text, sections[s], rows[s], number, benchCommand);
            number += rows[s].Count;
        }

        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, BenchSection section, List<RunRecord?> records, int first, string benchCommand)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"## {section.Title}");
        text.AppendLine();
        if (section.Note is { } note)
        {
            text.AppendLine(note);
            text.AppendLine();
        }

        var measured = records.OfType<RunRecord>().ToList();
        var machines = measured.Select(r => r.Machine ?? UnknownMachine).Distinct(StringComparer.Ordinal).ToList();
        text.AppendLine(measured.Count == 0 ? "Not measured yet." : $"Measured {Span(measured.Min(r => r.Measured), measured.Max(r => r.Measured))} on {(machines.Count == 1 ? machines[0] : $"{machines.Count} machines (named under the table)")}.");
        text.AppendLine();
        bool rating = measured.Any(r => r.Report.Metrics.ContainsKey("rmse"));
        string[] metrics = rating ? [.. RatingColumns, .. RankingColumns] : RankingColumns;
        text.AppendLine($"| # | data | model | options | protocol | {string.Join(" | ", metrics)} | fit s | eval s | rec-all s | peak MiB | target |");
        text.AppendLine($"|---|---|---|---|---|{string.Concat(metrics.Select(_ => "---:|"))}---:|---:|---:|---:|---|");
        for (int k = 0; k < records.Count; k++)
        {
            text.AppendLine(Row(first + k + 1, section.Runs[k], records[k], metrics));
        }

        text.AppendLine();
        for (int k = 0; k < records.Count; k++)
        {
            var run = section.Runs[k];
            string when = records[k] is { } record
                ? $"measured {Date(record.Measured)}{(machines.Count > 1 ? $" on {record.Machine ?? UnknownMachine}" : "")}"
                : $"**not measured**: `{benchCommand} --only {Path.GetFileNameWithoutExtension(RunStore.FileName(run))}`";
            text.AppendLine(CultureInfo.InvariantCulture, $"{first + k + 1}. `{run.CommandLine()}` — {when}");
        }
    }

    private static string Row(int number, BenchRun run, RunRecord? record, string[] metrics)
    {
        string options = run.Set.Count == 0 ? "defaults" : string.Join(", ", run.Set.Select(s => $"{s.Key}={s.Value}"));
        string head = $"| {number} | {run.Data} | {run.Model} | {options} | {run.Protocol}{(run.Folds is { } f ? $" ({f})" : "")} |";
        if (record?.Report is not { } report)
        {
            return $"{head} not measured |{string.Concat(metrics.Skip(1).Select(_ => " |"))} | | | | {run.Target} |";
        }

        string values = string.Join(" | ", metrics.Select(m => report.Metrics.TryGetValue(m, out double v) ? F(v, 4) : "—"));
        string recommendAll = report.RecommendAllSeconds is { } r ? F(r, 3) : "—";
        string peak = report.PeakMemoryMiB is { } p ? F(p, 0) : "—";
        return $"{head} {values} | {F(report.FitSeconds, 3)} | {F(report.EvaluateSeconds, 3)} | {recommendAll} | {peak} | {run.Target} |";
    }

    // "2026-11-23 11:20 UTC", "2026-11-23 11:20–11:26 UTC" or "2026-11-23 11:20 UTC – 2026-12-01 09:02 UTC".
    private static string Span(DateTimeOffset from, DateTimeOffset to)
    {
        if (Date(from) == Date(to))
        {
            return Date(from);
        }

        return from.UtcDateTime.Date == to.UtcDateTime.Date
            ? $"{Date(from)[..^4]}–{to.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC"
            : $"{Date(from)} – {Date(to)}";
    }

    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
