using Xunit;

namespace KnowRec.Tests.Cli;

public sealed class CliModelsPullTests
{
    [Fact]
    public void ModelsPull_Offline_ExitsOneWithOneLine_AndLeavesNothingBehind()
    {
        using var temp = new TempFolder();
        string root = Path.Combine(temp.Path, "models");
        var result = CliRunner.Run("models", "pull", "all-MiniLM-L6-v2", "--to", root, "--endpoint", "http://127.0.0.1:1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Cannot download http://127.0.0.1:1/sentence-transformers/all-MiniLM-L6-v2/resolve/main/onnx/model.onnx", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void ModelsPull_UnknownName_IsAUsageError()
    {
        var result = CliRunner.Run("models", "pull", "bert-large");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("all-MiniLM-L6-v2", result.Stderr, StringComparison.Ordinal);
    }
}
