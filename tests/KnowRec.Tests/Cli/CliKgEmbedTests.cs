using System.Text;
using System.Text.Json;
using KnowRec.Knowledge.Embeddings;
using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary><c>knowrec kg embed</c> as a user runs it, on a small graph written to a temporary folder.</summary>
public sealed class CliKgEmbedTests
{
    // 60 films with a genre and two actors each (the graph of TestGraphs.Films), as triples.tsv.
    private static TempFolder FilmGraph()
    {
        var folder = new TempFolder();
        var text = new StringBuilder("head\trelation\ttail\n");
        for (int i = 0; i < 60; i++)
        {
            text.Append($"f{i}\tgenre\tg{i % 6}\nf{i}\tactor\ta{i % 12}\nf{i}\tactor\ta{12 + (i % 12)}\n");
        }

        folder.Write("triples.tsv", text.ToString());
        return folder;
    }

    [Fact]
    public void KgEmbed_Json_ReportsTestFiguresBaselineAndEpochTime_AndSaves()
    {
        using var folder = FilmGraph();
        string saved = Path.Combine(folder.Path, "films.kge");
        var result = CliRunner.Run("kg", "embed", "--kg", folder.Path, "--method", "rotate", "--dimension", "8", "--epochs", "3", "--test-share", "0.1", "--threads", "1", "--json", "--save", saved);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("RotatE", root.GetProperty("method").GetString());
        Assert.Equal(18, root.GetProperty("testTriples").GetInt32());
        Assert.Equal(36, root.GetProperty("test").GetProperty("queries").GetInt32());
        Assert.InRange(root.GetProperty("test").GetProperty("meanReciprocalRank").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("baseline").GetProperty("hitsAt10").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("secondsPerEpoch").GetDouble() > 0);
        using var file = File.OpenRead(saved);
        Assert.Equal(KgEmbeddingMethod.RotatE, KgEmbedding.Load(file).Method);
    }

    [Fact]
    public void KgEmbed_Table_PrintsTheMethodAndThePopularityFloor()
    {
        using var folder = FilmGraph();
        var result = CliRunner.Run("kg", "embed", "--kg", folder.Path, "--dimension", "8", "--epochs", "2", "--set", "Negatives=2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("TransE on ", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"TransE \(test\)\s+0\.\d{4}", result.Stdout);
        Assert.Matches(@"relation popularity \(test\)\s+0\.\d{4}", result.Stdout);
    }

    [Theory]
    [InlineData("--method", "distmult")]
    [InlineData("--set", "Margin=-1")]
    public void KgEmbed_BadArguments_ExitWithUsageAndTheReason(string option, string value)
    {
        using var folder = FilmGraph();
        var result = CliRunner.Run("kg", "embed", "--kg", folder.Path, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option == "--method" ? "distmult" : "Margin", result.Stderr, StringComparison.Ordinal);
    }
}
