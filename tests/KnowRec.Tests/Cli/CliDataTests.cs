using System.Text.Json;
using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary>The <c>knowrec</c> command as a user runs it: real process, real files, exit codes and messages.</summary>
public sealed class CliDataTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "knowrec-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [DataFact("ml-100k")]
    public void DataInfo_StrictMode_ExitsOneNamingFileAndLine_ForMalformedLine()
    {
        string folder = CopyMl100kWithBadLine(lineNumber: 1234);
        var result = CliRunner.Run("data", "info", "--data", folder);
        Assert.Equal(1, result.ExitCode);
        // Progress lines also go to stderr; the error is its own line, exactly FILE:LINE: reason.
        Assert.Contains(result.Stderr.Split('\n'), line => line.StartsWith("u.data:1234: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void DataInfo_LenientMode_SkipsAndReportsOneLine()
    {
        string folder = CopyMl100kWithBadLine(lineNumber: 1234);
        var result = CliRunner.Run("data", "info", "--data", folder, "--lenient", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(99_999, json.RootElement.GetProperty("interactions").GetInt32());
        long skipped = json.RootElement.GetProperty("cleaning").EnumerateObject().Sum(p => p.Value.GetInt64());
        Assert.Equal(1, skipped);
    }

    [DataFact("ml-100k")]
    public void Evaluate_Json_PrintsOneObjectWithTheDocumentedFields()
    {
        var result = CliRunner.Run("evaluate", "--data", Path.Combine(TestData.Root!, "ml-100k"), "--model", "popularity", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        foreach (string field in new[] { "dataset", "model", "options", "protocol", "seed", "users", "items", "train", "test", "fitSeconds", "evaluateSeconds", "metrics" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        foreach (string metric in new[] { "precision@10", "recall@10", "ndcg@10", "map@10", "mrr@10", "hit@10", "coverage@10" })
        {
            Assert.InRange(root.GetProperty("metrics").GetProperty(metric).GetDouble(), 0.0, 1.0);
        }

        Assert.Equal("popularity", root.GetProperty("model").GetString());
        Assert.Equal(42, root.GetProperty("seed").GetInt32());
    }

    [DataFact("ml-100k")]
    public void Evaluate_KFold_ReportsMeansAndEachFold()
    {
        var result = CliRunner.Run("evaluate", "--data", Path.Combine(TestData.Root!, "ml-100k"), "--protocol", "kfold", "--folds", "3", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("folds").GetArrayLength());
    }

    [DataFact("ml-100k")]
    public void Evaluate_UnknownModel_ExitsTwoListingKnownModels()
    {
        var result = CliRunner.Run("evaluate", "--data", Path.Combine(TestData.Root!, "ml-100k"), "--model", "nonsense");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("popularity", result.Stderr, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void Evaluate_OutOfRangeOption_ExitsTwoNamingItBeforeLoading()
    {
        var result = CliRunner.Run("evaluate", "--data", Path.Combine(TestData.Root!, "ml-100k"), "--model", "als", "--set", "Factors=-3");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Factors must be in [1, 1024], got -3.", result.Stderr.Trim());
    }

    [DataFact("ml-100k")]
    public void Recommend_PrintsTitles()
    {
        var result = CliRunner.Run("recommend", "--data", Path.Combine(TestData.Root!, "ml-100k"), "--model", "popularity", "--user", "1", "--count", "5");
        Assert.Equal(0, result.ExitCode);
        // User 1 has seen Star Wars (item 50, 583 ratings) and Contact (258, 509); the most rated film they have not
        // seen is Liar Liar (1997) (item 294, 485 ratings), counted independently from u.data.
        Assert.Matches(@"(?m)^1\s+294\s+Liar Liar \(1997\)", result.Stdout);
        Assert.DoesNotContain("Star Wars (1977)", result.Stdout, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void Recommend_Explain_NamesHistoryItems_ForItemKnn()
    {
        var result = CliRunner.Run("recommend", "--data", Path.Combine(TestData.Root!, "ml-100k"), "--model", "item-knn", "--user", "1", "--count", "3", "--explain");
        Assert.Equal(0, result.ExitCode);
        var why = result.Stdout.Split('\n').SkipWhile(l => l != "Why:").Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(3, why.Count);
        Assert.All(why, line => Assert.Matches(@"because you have .+\(\d{4}\) \(\d+\.\d{3}\)", line));
    }

    [DataFact("ml-100k")]
    public void Recommend_Explain_SaysSo_ForModelsThatCannotExplain()
    {
        var result = CliRunner.Run("recommend", "--data", Path.Combine(TestData.Root!, "ml-100k"), "--model", "popularity", "--user", "1", "--explain");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("popularity cannot explain its scores; models that can: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("item-knn", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Quickstart_FallsBackToSyntheticCatalogue_WithoutDataOrNetwork()
    {
        Directory.CreateDirectory(_dir);
        var env = new Dictionary<string, string?> { ["KNOWREC_DATA"] = _dir, ["HOME"] = _dir };
        var result = CliRunner.Run(env, "quickstart", "--no-download");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("was not found", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("synthetic catalogue", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("popularity", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Synthetic ", result.Stdout, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void Quickstart_RunsOnMl100k_WhenDataIsThere()
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["KNOWREC_DATA"] = TestData.Root }, "quickstart");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("943 users", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ndcg@10", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(199", result.Stdout, StringComparison.Ordinal); // film titles end in their year
    }

    private string CopyMl100kWithBadLine(int lineNumber)
    {
        string folder = Path.Combine(_dir, "ml-100k");
        Directory.CreateDirectory(folder);
        string source = Path.Combine(TestData.Root!, "ml-100k");
        foreach (string file in new[] { "u.item", "u.user", "u.genre", "u.occupation", "u.info" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(folder, file));
        }

        var lines = File.ReadAllLines(Path.Combine(source, "u.data"));
        lines[lineNumber - 1] = "196\t242\tthree\t881250949";
        File.WriteAllLines(Path.Combine(folder, "u.data"), lines);
        return folder;
    }
}
