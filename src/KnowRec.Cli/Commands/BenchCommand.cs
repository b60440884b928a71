using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using KnowRec.Evaluation;
using KnowRec.Evaluation.Bench;

namespace KnowRec.Cli.Commands;

/// <summary>
/// <c>knowrec bench</c>: runs every row of a benchmark plan as its own <c>knowrec evaluate --json</c> process (so
/// peak memory is per run) and regenerates docs/results.md from what they report.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Benchmark plan (JSON)", DefaultValueFactory = _ => "benchmarks/bench-plan.json" };
        var output = new Option<string>("--out") { Description = "Markdown file to write", DefaultValueFactory = _ => "docs/results.md" };
        var only = new Option<string?>("--only") { Description = "Run only the sections whose title contains this text (the file then holds just those)" };
        var command = new Command("bench", "Run the benchmark plan and regenerate docs/results.md") { plan, output, only, BenchGemmCommand.Create() };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            string planPath = result.GetValue(plan)!;
            string outPath = result.GetValue(output)!;
            string? filter = result.GetValue(only);
            var sections = BenchPlan.Load(planPath).Sections
                .Where(s => filter is null || s.Title.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var done = new List<(BenchSection, IReadOnlyList<BenchResult>)>();
            int total = sections.Sum(s => s.Runs.Count);
            int at = 0;
            foreach (var section in sections)
            {
                var results = new List<BenchResult>();
                foreach (var run in section.Runs)
                {
                    at++;
                    Output.Progress($"[{at}/{total}] {run.Model} on {run.Data} ({run.Protocol})");
                    results.Add(Measure(run));
                }

                done.Add((section, results));
            }

            string benchCommand = $"knowrec bench --plan {planPath} --out {outPath}" + (filter is null ? "" : $" --only \"{filter}\"");
            string text = ResultsDocument.Render(done, MachineInfo.Describe(), DateTimeOffset.UtcNow, benchCommand);
            WriteAtomically(outPath, ResultsDocument.Merge(text, File.Exists(outPath) ? File.ReadAllText(outPath) : null));
            Output.Line($"wrote {outPath} ({total} runs, {done.Sum(d => d.Item2.Count(r => r.Report is null))} failed)");
            return 0;
        }));
        return command;
    }

    private static BenchResult Measure(BenchRun run)
    {
        var start = SelfInvocation();
        foreach (string arg in run.EvaluateArguments())
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--json");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string reason = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit code {process.ExitCode}";
            return new BenchResult(run, null, reason);
        }

        return new BenchResult(run, EvaluationReport.FromJson(stdout.Result), null);
    }

    // Runs this same knowrec: through its apphost when there is one, else `dotnet KnowRec.Cli.dll`.
    private static ProcessStartInfo SelfInvocation()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        return start;
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
