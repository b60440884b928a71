using System.Text.Json;

namespace KnowRec.Evaluation.Bench;

/// <summary>What <c>knowrec bench</c> measures: sections of runs, read from a JSON file (<c>benchmarks/bench-plan.json</c>).</summary>
public sealed record BenchPlan
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The sections, in document order.</summary>
    public required IReadOnlyList<BenchSection> Sections { get; init; }

    /// <summary>Reads a plan file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid plan; the message names the file.</exception>
    public static BenchPlan Load(string path)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<BenchPlan>(File.ReadAllText(path), Json);
            return plan is { Sections.Count: > 0 } ? plan : throw new InvalidDataException($"{path}: the plan has no sections.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
    }
}
