using System.Text.Json;

namespace KnowRec.Evaluation.Bench;

/// <summary>One GEMM benchmark run of one library: what was measured, where, and under how much other load.</summary>
/// <param name="Library">The library in words, e.g. <c>numpy 1.24.2 + OpenBLAS 0.3.21 (Haswell kernels)</c>.</param>
/// <param name="Machine">The machine line.</param>
/// <param name="Date">When the run started, e.g. <c>2025-01-31 12:00 UTC</c>.</param>
/// <param name="LoadBefore">One-minute load average when the run started, where the OS reports it.</param>
/// <param name="LoadAfter">One-minute load average when it ended.</param>
/// <param name="Results">One measurement per size and thread count.</param>
/// <param name="Name">Short column label, e.g. <c>numpy (Haswell)</c>; defaults to <c>numpy</c> in tables.</param>
public sealed record GemmRun(
    string Library, string Machine, string Date, double? LoadBefore, double? LoadAfter, IReadOnlyList<GemmMeasurement> Results, string? Name = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The run as JSON (snake-case names, the format <c>benchmarks/numpy_gemm.py --json</c> writes).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a run written by <see cref="ToJson"/> or by <c>numpy_gemm.py</c>.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="source">File name for error messages.</param>
    /// <exception cref="InvalidDataException">The text is not such a run; the message names <paramref name="source"/>.</exception>
    public static GemmRun FromJson(string text, string source)
    {
        try
        {
            var run = JsonSerializer.Deserialize<GemmRun>(text, Json);
            return run is { Library: not null, Results: not null } ? run : throw new InvalidDataException($"{source}: not a GEMM run (library and results are required).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}:{(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
    }
}
