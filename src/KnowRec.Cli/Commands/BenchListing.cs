using System.Globalization;
using KnowRec.Evaluation.Bench;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec bench --list</c>: each selected row with its number in docs/results.md, store file, state and command.</summary>
internal static class BenchListing
{
    public static void Print(IReadOnlyList<BenchSection> sections, IReadOnlyList<BenchRun> selected, RunStore store, IReadOnlyDictionary<string, RunRecord> records, string benchCommand)
    {
        var chosen = selected.ToHashSet(ReferenceEqualityComparer.Instance);
        int number = 0;
        foreach (var run in sections.SelectMany(s => s.Runs))
        {
            number++;
            if (!chosen.Contains(run))
            {
                continue;
            }

            string state = records.TryGetValue(RunStore.FileName(run), out var record)
                ? $"measured {record.Measured.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
                : File.Exists(store.PathOf(run)) ? "not measured (its file cannot be read: see the warning above)" : "not measured";
            Output.Line($"{number,3}  {run.Model} on {run.Data} ({run.Protocol}): {state}");
            Output.Line($"     {store.PathOf(run)}");
            Output.Line($"     {run.CommandLine()}");
        }

        int rows = sections.Sum(s => s.Runs.Count);
        int measured = sections.Sum(s => s.Runs.Count(r => records.ContainsKey(RunStore.FileName(r))));
        Output.Line();
        Output.Line($"{measured} of {rows} plan rows measured ({selected.Count} listed).");
        Output.Line($"Measure a row: {benchCommand} --only NAME (NAME = its file name without .json picks exactly that row).");
        Output.Line("By hand: add --json to its command, save the output as its file, then stamp it and re-render (measures nothing):");
        Output.Line($"  knowrec evaluate … --json > {Path.Combine(store.Directory, "NAME.json")}");
        Output.Line($"  {benchCommand} --missing --only NAME");
    }
}
