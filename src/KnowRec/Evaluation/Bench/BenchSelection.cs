namespace KnowRec.Evaluation.Bench;

/// <summary>Which plan rows <c>knowrec bench</c> measures: <c>--only TEXT</c>, <c>--missing</c>, both, or all.</summary>
public static class BenchSelection
{
    /// <summary>
    /// True when <paramref name="text"/> occurs (ignoring case) in the row's section title, model, data or store file
    /// name; the file name (<see cref="RunStore.FileName"/>) picks out exactly one row.
    /// </summary>
    public static bool Matches(BenchSection section, BenchRun run, string text)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(text);
        return new[] { section.Title, run.Model, run.Data, RunStore.FileName(run) }
            .Any(field => field.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The rows to measure, in plan order, each store file once: those matching <paramref name="only"/> (all when
    /// null) and, when <paramref name="missing"/>, only those <paramref name="isMeasured"/> says have no stored report.
    /// </summary>
    public static IReadOnlyList<BenchRun> Select(IEnumerable<BenchSection> sections, string? only, bool missing, Func<BenchRun, bool> isMeasured)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(isMeasured);
        var files = new HashSet<string>(StringComparer.Ordinal);
        return [.. sections
            .SelectMany(section => section.Runs.Select(run => (section, run)))
            .Where(row => only is null || Matches(row.section, row.run, only))
            .Where(row => !missing || !isMeasured(row.run))
            .Where(row => files.Add(RunStore.FileName(row.run)))
            .Select(row => row.run)];
    }
}
