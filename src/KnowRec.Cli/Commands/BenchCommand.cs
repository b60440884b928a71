using System.CommandLine;
using System.Text;
using KnowRec.Evaluation.Bench;

namespace KnowRec.Cli.Commands;

/// <summary>
/// <c>knowrec bench</c>: measures the selected rows of a benchmark plan, each as its own <c>knowrec evaluate --json</c>
/// process (so peak memory is per run), keeps every report in the run store (<c>benchmarks/runs/</c>), and renders
/// the whole of docs/results.md from the store.
/// </summary>
internal static class BenchCommand
{
    private const string DefaultPlan = "benchmarks/bench-plan.json";
    private const string DefaultOut = "docs/results.md";
    private const string DefaultRuns = "benchmarks/runs";

    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Benchmark plan (JSON)", DefaultValueFactory = _ => DefaultPlan };
        var output = new Option<string>("--out") { Description = "Markdown file to write", DefaultValueFactory = _ => DefaultOut };
        var runs = new Option<string>("--runs") { Description = "Run store: one stored report per plan row", DefaultValueFactory = _ => DefaultRuns };
        var only = new Option<string?>("--only") { Description = "Measure only the rows whose section title, model, data or store file name contains this text" };
        var missing = new Option<bool>("--missing") { Description = "Measure only the rows that have no stored report" };
        var list = new Option<bool>("--list") { Description = "List the (selected) rows with their store file and state; measure nothing" };
        var command = new Command("bench", "Measure benchmark plan rows into the run store and render docs/results.md from it")
        {
            plan, output, runs, only, missing, list, BenchGemmCommand.Create(),
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            string planPath = result.GetValue(plan)!;
            string outPath = result.GetValue(output)!;
            var store = new RunStore(result.GetValue(runs)!);
            string? filter = result.GetValue(only);
            var sections = BenchPlan.Load(planPath).Sections;
            if (filter is not null && !sections.Any(s => s.Runs.Any(r => BenchSelection.Matches(s, r, filter))))
            {
                Console.Error.WriteLine($"error: no plan row matches --only \"{filter}\" (it is looked for in section titles, models, data and store file names; see knowrec bench --list).");
                return CommandRunner.Usage;
            }

            var warnings = new List<string>();
            var records = new Dictionary<string, RunRecord>(store.ReadAll(sections, warnings), StringComparer.Ordinal);
            warnings.ForEach(Console.Error.WriteLine);
            bool listing = result.GetValue(list);
            foreach (var run in sections.SelectMany(s => s.Runs).Where(r => !listing && records.GetValueOrDefault(RunStore.FileName(r)) is { Arguments: null }))
            {
                // A bare evaluate report saved by hand: stamp it now, while its file date still says when it was saved.
                var stamped = records[RunStore.FileName(run)] with { Arguments = run.EvaluateArguments() };
                store.Write(run, stamped);
                records[RunStore.FileName(run)] = stamped;
                Console.Error.WriteLine($"{store.PathOf(run)}: a report saved by hand, stored with its file date and no machine line.");
            }

            var selected = BenchSelection.Select(sections, filter, result.GetValue(missing), run => records.ContainsKey(RunStore.FileName(run)));
            string benchCommand = "knowrec bench" + (planPath == DefaultPlan ? "" : $" --plan {planPath}") + (outPath == DefaultOut ? "" : $" --out {outPath}")
                + (store.Directory == DefaultRuns ? "" : $" --runs {store.Directory}");
            if (listing)
            {
                BenchListing.Print(sections, selected, store, records, benchCommand);
                return 0;
            }

            int failed = 0;
            for (int i = 0; i < selected.Count; i++)
            {
                var run = selected[i];
                Output.Progress($"[{i + 1}/{selected.Count}] {run.Model} on {run.Data} ({run.Protocol}) → {store.PathOf(run)}");
                var (report, error) = EvaluateProcess.Run(run.EvaluateArguments());
                if (report is null)
                {
                    failed++;
                    Console.Error.WriteLine($"error: {run.CommandLine()} failed: {error}" + (records.ContainsKey(RunStore.FileName(run)) ? "; its earlier stored report is kept." : ""));
                    continue;
                }

                var record = RunRecord.Now(run, report, MachineInfo.Describe(), DateTimeOffset.UtcNow);
                store.Write(run, record);
                records[RunStore.FileName(run)] = record;
            }

            string text = ResultsDocument.Render(sections, records, DateTimeOffset.UtcNow, benchCommand, store.Directory.TrimEnd('/') + "/");
            WriteAtomically(outPath, ResultsDocument.Merge(text, File.Exists(outPath) ? File.ReadAllText(outPath) : null));
            int rows = sections.Sum(s => s.Runs.Count);
            int measured = sections.Sum(s => s.Runs.Count(r => records.ContainsKey(RunStore.FileName(r))));
            Output.Line($"measured {selected.Count - failed} of {selected.Count} selected rows ({failed} failed); wrote {outPath}: {measured} of {rows} rows measured");
            return failed == 0 ? 0 : CommandRunner.Failure;
        }));
        return command;
    }

    internal static void WriteAtomically(string path, string text)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }
}
