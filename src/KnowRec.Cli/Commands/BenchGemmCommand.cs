using System.CommandLine;
using System.Globalization;
using KnowRec.Evaluation.Bench;

namespace KnowRec.Cli.Commands;

/// <summary>
/// <c>knowrec bench gemm</c>: GFLOP/s of KnowRec's float32 GEMM per size and thread count, optionally beside numpy's
/// figures from <c>benchmarks/numpy_gemm.py --json</c>, and the comparison table written into docs/results.md.
/// </summary>
internal static class BenchGemmCommand
{
    private const string DefaultNumpy = "benchmarks/numpy-gemm.json";

    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Orders n, comma-separated", DefaultValueFactory = _ => "256,512,1024,2048" };
        var threads = new Option<string>("--threads") { Description = "Thread counts, comma-separated", DefaultValueFactory = _ => "1,2" };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed repetitions per cell (after warm-up)", DefaultValueFactory = _ => 7 };
        var json = new Option<string?>("--json") { Description = "Also write KnowRec's figures to this JSON file" };
        var numpy = new Option<string[]>("--numpy") { Description = $"numpy figures to compare with (numpy_gemm.py --json); repeatable; default {DefaultNumpy} when it exists" };
        var results = new Option<string?>("--results") { Description = "Write the comparison table into this markdown file (e.g. docs/results.md)" };
        var command = new Command("gemm", "Measure GEMM GFLOP/s (float32, square) and compare with numpy") { sizes, threads, repetitions, json, numpy, results };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var sizeList = ParseList(result.GetValue(sizes)!, "--sizes");
            var threadList = ParseList(result.GetValue(threads)!, "--threads");
            int reps = result.GetValue(repetitions);
            if (reps < 1)
            {
                throw new ArgumentException("--repetitions must be at least 1.");
            }

            string[] numpyPaths = result.GetValue(numpy) is { Length: > 0 } given ? given : File.Exists(DefaultNumpy) ? [DefaultNumpy] : [];
            var references = numpyPaths.Select(path => GemmRun.FromJson(File.ReadAllText(path), path)).ToList();
            GemmRun ours;
            try
            {
                ours = GemmBenchmark.Run(sizeList, threadList, reps, new Progress(cell => Output.Progress($"n = {cell.Size}, {cell.Threads} thread(s)")));
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return CommandRunner.Failure;
            }

            Output.Line($"{ours.Library}; load average {ours.LoadBefore:F2} → {ours.LoadAfter:F2}");
            Console.Out.Write(GemmReport.FormatTable(ours.Results));
            for (int i = 0; i < references.Count; i++)
            {
                Output.Line();
                Output.Line($"{references[i].Library} ({numpyPaths[i]}); load average {references[i].LoadBefore:F2} → {references[i].LoadAfter:F2}");
                Console.Out.Write(GemmReport.FormatTable(references[i].Results));
            }

            if (result.GetValue(json) is { } jsonPath)
            {
                BenchCommand.WriteAtomically(jsonPath, ours.ToJson() + "\n");
            }

            if (result.GetValue(results) is { } markdownPath)
            {
                string again = $"knowrec bench gemm --sizes {string.Join(',', sizeList)} --threads {string.Join(',', threadList)} --repetitions {reps}"
                    + string.Concat(numpyPaths.Select(path => $" --numpy {path}")) + $" --results {markdownPath}";
                string block = GemmReport.RenderMarkdown(ours, references, again);
                BenchCommand.WriteAtomically(markdownPath, GemmReport.Merge(File.Exists(markdownPath) ? File.ReadAllText(markdownPath) : null, block));
                Output.Line($"wrote the GEMM table into {markdownPath}");
            }

            return 0;
        }));
        return command;
    }

    private static int[] ParseList(string text, string option)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                throw new ArgumentException($"{option}: '{part}' is not a positive whole number.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? [.. values] : throw new ArgumentException($"{option} needs at least one value.");
    }

    // Reports synchronously on the calling thread (System.Progress<T> would post to the thread pool and reorder lines).
    private sealed class Progress(Action<(int Size, int Threads)> report) : IProgress<(int Size, int Threads)>
    {
        public void Report((int Size, int Threads) value) => report(value);
    }
}
