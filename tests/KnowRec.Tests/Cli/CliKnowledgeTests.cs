using KnowRec.Knowledge;
using KnowRec.Knowledge.Generation;
using KnowRec.Tests.Knowledge.Generation;
using KnowRec.Tests.Support;
using Xunit;

namespace KnowRec.Tests.Cli;

public sealed class CliKnowledgeTests
{
    [Fact]
    public void Generate_WithAnLlm_WritesRecordsAndSummary_AndRerunsFromTheCache()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackOpenAiServer();
        server.ChatResponder = prompt => prompt.StartsWith("Title: ", StringComparison.Ordinal)
            ? KnowledgeTestData.ItemAnswer(prompt)
            : """{"liked": ["x"], "disliked": [], "summary": "Varied taste."}""";
        string data = folder.Write("tiny.tsv", string.Concat(Enumerable.Range(0, 40).Select(i => $"u{i % 5}\ti{(i * 7) % 11}\t{1 + (i % 5)}\n")));
        string output = Path.Combine(folder.Path, "knowledge");
        var environment = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "cli-key" };
        string[] args = ["knowledge", "generate", "--data", data, "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "m", "--users", "2", "--concurrency", "3", "--input-price", "1", "--out", output];

        var first = CliRunner.Run(environment, args);
        int requests = server.Requests.Count;
        var second = CliRunner.Run(environment, args);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(11 + 2, requests);
        Assert.All(server.Requests, r => Assert.Equal("Bearer cli-key", r.Authorization));
        Assert.Contains("11 of 11 items have knowledge, 2 users have preferences", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(11, KnowledgeStore.ReadItems(output).Count);
        Assert.Equal(2, KnowledgeStore.ReadUsers(output).Count);
        Assert.Equal(11, KnowledgeSource.Load(output).ItemLinks.Count);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(requests, server.Requests.Count);
        Assert.Matches(@"items\s+11\s+11(\s+0){9}\s+0\.0000", second.Stdout); // asked, cache hits, then nothing generated, requested or paid
    }

    [DataFact("ml-100k")]
    public void Generate_WithRules_ExtractsGenresAndYears_AndAttachesAsItemVectors()
    {
        using var folder = new TempFolder();

        var result = CliRunner.Run("knowledge", "generate", "--data", "ml-100k", "--rules", "--users", "10", "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("1,682 of 1,682 items have knowledge, 10 users have preferences", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"has genre\s+2,8\d\d", result.Stdout);
        var info = CliRunner.Run("data", "info", "--data", "ml-100k", "--knowledge", folder.Path);
        Assert.True(info.ExitCode == 0, info.Stderr);
        Assert.Contains("knowledge vectors: 1,682 of 1,682 items, 128 dimensions (tfidf-lsa", info.Stderr, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void KnowledgeRules_ExtractsRuleKnowledgeInProcess_AndAttachesItsVectors()
    {
        var result = CliRunner.Run("data", "info", "--data", "ml-100k", "--knowledge", "rules");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("extracting rule knowledge for 1,682 items", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("knowledge vectors: 1,682 of 1,682 items, 128 dimensions (tfidf-lsa", result.Stderr, StringComparison.Ordinal);
    }
}
