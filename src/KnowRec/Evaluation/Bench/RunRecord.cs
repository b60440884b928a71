using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowRec.Evaluation.Bench;

/// <summary>One stored measurement of a plan row: its <c>knowrec evaluate --json</c> report, when and where it ran, and how.</summary>
/// <remarks>
/// JSON shape (one file per row in the run store):
/// <code>
/// { "measured": "2026-11-23T11:26:04Z", "machine": "AMD EPYC · 2 cores · …",
///   "command": "knowrec evaluate --data ml-100k --model svd --protocol kfold --folds 5 --json",
///   "arguments": [ "evaluate", "--data", "ml-100k", … ],
///   "report": { …the evaluate report, in <see cref="EvaluationReport.ToJson"/>'s shape… } }
/// </code>
/// </remarks>
public sealed record RunRecord
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>When the run finished, UTC.</summary>
    public required DateTimeOffset Measured { get; init; }

    /// <summary>The machine line (<see cref="MachineInfo.Describe"/>); null when not recorded (a report saved by hand).</summary>
    public string? Machine { get; init; }

    /// <summary>The command line that produced <see cref="Report"/>, e.g. <c>knowrec evaluate … --json</c>.</summary>
    public required string Command { get; init; }

    /// <summary>The row's <see cref="BenchRun.EvaluateArguments"/> the report was measured with; null for a report saved by hand.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>What the run measured.</summary>
    public required EvaluationReport Report { get; init; }

    /// <summary>A record of a run of <paramref name="run"/> that just finished on this machine.</summary>
    public static RunRecord Now(BenchRun run, EvaluationReport report, string machine, DateTimeOffset measured)
    {
        ArgumentNullException.ThrowIfNull(run);
        var arguments = run.EvaluateArguments();
        return new RunRecord
        {
            Measured = measured.ToUniversalTime(),
            Machine = machine,
            Command = BenchRun.CommandLine([.. arguments, "--json"]),
            Arguments = arguments,
            Report = report,
        };
    }

    /// <summary>The record as indented JSON in the documented shape.</summary>
    public string ToJson()
    {
        var arguments = new JsonArray();
        foreach (string argument in Arguments ?? [])
        {
            arguments.Add(argument);
        }

        var root = new JsonObject
        {
            ["measured"] = Measured.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["machine"] = Machine,
            ["command"] = Command,
            ["arguments"] = Arguments is null ? null : arguments,
            ["report"] = JsonNode.Parse(Report.ToJson(indented: false)),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// Parses a stored record; a bare <c>knowrec evaluate --json</c> report (saved by hand) is accepted too and gets
    /// <paramref name="savedAt"/> as its date, no machine and no arguments.
    /// </summary>
    /// <exception cref="InvalidDataException">The text is neither; the message says what is wrong.</exception>
    public static RunRecord FromJson(string json, DateTimeOffset savedAt, string bareCommand)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("not a JSON object.");
            if (!root.ContainsKey("report"))
            {
                return new RunRecord { Measured = savedAt.ToUniversalTime(), Command = bareCommand, Report = EvaluationReport.FromJson(json) };
            }

            string measured = root["measured"]?.GetValue<string>() ?? throw new InvalidDataException("no \"measured\" date.");
            return new RunRecord
            {
                Measured = DateTimeOffset.ParseExact(measured, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Machine = root["machine"]?.GetValue<string>(),
                Command = root["command"]?.GetValue<string>() ?? throw new InvalidDataException("no \"command\"."),
                Arguments = root["arguments"] is JsonArray list ? [.. list.Select(a => a?.GetValue<string>() ?? throw new InvalidDataException("a null argument."))] : null,
                Report = EvaluationReport.FromJson((root["report"] ?? throw new InvalidDataException("\"report\" is null.")).ToJsonString()),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
