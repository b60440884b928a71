using KnowRec.Evaluation.Bench;
using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary><c>knowrec bench gemm</c> as a user runs it, on sizes small enough for CI.</summary>
public sealed class CliBenchGemmTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("knowrec-gemm-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void BenchGemm_WritesJsonAndMergesTheTableWithNumpysFigures()
    {
        string numpy = Path.Combine(_dir, "numpy.json");
        File.WriteAllText(numpy, new GemmRun("numpy test", "m", "d", null, null, [new GemmMeasurement(16, 1, 2, 5, 2.0, 1.0, 0.5, 0)], "numpy (Test)").ToJson());
        string results = Path.Combine(_dir, "results.md");
        File.WriteAllText(results, $"tables\n{ResultsDocument.NotesMarker}\nnotes\n");
        string json = Path.Combine(_dir, "ours.json");

        var result = CliRunner.Run("bench", "gemm", "--sizes", "16,24", "--threads", "1", "--repetitions", "2", "--json", json, "--numpy", numpy, "--results", results);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  size  threads  reps  calls  best GFLOP/s", result.Stdout, StringComparison.Ordinal);
        var ours = GemmRun.FromJson(File.ReadAllText(json), json);
        Assert.Equal([(16, 1), (24, 1)], ours.Results.Select(r => (r.Size, r.Threads)));
        string text = File.ReadAllText(results);
        Assert.StartsWith($"tables\n{ResultsDocument.NotesMarker}\nnotes\n\n# GEMM\n\n{GemmReport.BlockStart}", text, StringComparison.Ordinal);
        Assert.Contains("numpy (Test) median", text, StringComparison.Ordinal);
        Assert.Contains($"--numpy {numpy} --results {results}`", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sizes", "0")]
    [InlineData("--threads", "two")]
    [InlineData("--repetitions", "0")]
    public void BenchGemm_BadValue_ExitsTwoNamingTheOption(string option, string value)
    {
        var result = CliRunner.Run("bench", "gemm", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }
}
