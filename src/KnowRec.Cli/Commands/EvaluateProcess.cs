using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using KnowRec.Evaluation;

namespace KnowRec.Cli.Commands;

/// <summary>Runs <c>knowrec evaluate … --json</c> as a child process of this same knowrec and reads its report.</summary>
internal static class EvaluateProcess
{
    /// <summary>The report, or why there is none (the child's last stderr line, or why its output is not a report).</summary>
    public static (EvaluationReport? Report, string? Error) Run(IReadOnlyList<string> evaluateArguments)
    {
        var start = SelfInvocation();
        foreach (string arg in evaluateArguments)
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
            string? last = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return (null, last is null ? $"exit code {process.ExitCode}" : last.StartsWith("error: ", StringComparison.Ordinal) ? last["error: ".Length..] : last);
        }

        try
        {
            return (EvaluationReport.FromJson(stdout.Result), null);
        }
        catch (JsonException e)
        {
            return (null, $"its output is not a report ({e.Message})");
        }
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
}
