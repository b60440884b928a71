using KnowRec.Knowledge.Generation;
using KnowRec.Tests.Support;
using Xunit;

namespace KnowRec.Tests.Knowledge.Generation;

public sealed class LlmKnowledgeGeneratorTests
{
    [Fact]
    public async Task GenerateItems_ParsesEveryAnswer_InItemOrder()
    {
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer };
        var generator = Generator(server);

        var result = await generator.GenerateItemsAsync(KnowledgeTestData.Movies());

        Assert.Equal(["1", "6", "99"], result.Records.Select(r => r.Item));
        var toy = result.Records[0];
        Assert.Equal("Toy Story (1995) is a film.", toy.Summary);
        Assert.Equal("llm:test-model", toy.Source);
        Assert.Equal([new KnowledgePerson("director", "Jane Doe")], toy.People);
        Assert.Equal([new KnowledgeFact("released in", "1995")], toy.Facts);
        Assert.Equal(new GenerationSummary(3, 0, 3, 0, 0, 3, 0, 0, 0, result.Summary.InputTokens, result.Summary.OutputTokens, 0m), result.Summary);
        var request = server.Requests.Single(r => r.MessagesText.Contains("Title: Toy Story", StringComparison.Ordinal)); // requests run 4 at a time, in any order
        Assert.Equal("Bearer secret", request.Authorization);
        Assert.Equal("test-model", request.Json["model"]!.GetValue<string>());
        Assert.Contains("Director: John Lasseter", request.MessagesText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateItems_CountsTokensAndCost_FromServerUsage()
    {
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer };
        for (int i = 0; i < 3; i++)
        {
            server.EnqueueChat(new LoopbackOpenAiServer.Reply(Content: KnowledgeTestData.ItemAnswer("Title: x"), PromptTokens: 100, CompletionTokens: 20));
        }

        var generator = Generator(server, o => o with { InputPricePer1kTokens = 0.5m, OutputPricePer1kTokens = 1.5m });

        var summary = (await generator.GenerateItemsAsync(KnowledgeTestData.Movies())).Summary;

        Assert.Equal(300, summary.InputTokens);
        Assert.Equal(60, summary.OutputTokens);
        Assert.Equal(0.24m, summary.Cost); // 3 × (100 × 0.5 + 20 × 1.5) / 1000
    }

    [Fact]
    public async Task GenerateItems_FeedsTheErrorBack_AfterAMalformedAnswer()
    {
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer };
        server.EnqueueChat(new LoopbackOpenAiServer.Reply(Content: "Sure! Here is the knowledge: {\"genres\": [\"Drama\"]}"));
        var generator = Generator(server, o => o with { Concurrency = 1 });

        var result = await generator.GenerateItemsAsync(KnowledgeTestData.Movies(), [0]);

        Assert.Single(result.Records);
        Assert.Equal(1, result.Summary.MalformedAnswers);
        Assert.Equal(2, result.Summary.Requests);
        var retry = server.Requests[1];
        Assert.Equal(4, retry.Json["messages"]!.AsArray().Count); // system, user, the bad answer, the correction
        Assert.Contains("That answer cannot be used: Field 'summary' must be a non-empty string.", retry.MessagesText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateItems_GivesUp_AfterMaxAttemptsMalformed()
    {
        using var server = new LoopbackOpenAiServer { ChatResponder = _ => "not json at all" };
        var generator = Generator(server, o => o with { MaxAttempts = 2 });

        var result = await generator.GenerateItemsAsync(KnowledgeTestData.Movies(), [1]);

        Assert.Empty(result.Records);
        var (key, reason) = Assert.Single(result.Failures);
        Assert.Equal("6", key);
        Assert.Contains("no JSON object", reason, StringComparison.Ordinal);
        Assert.Equal((2, 2, 1), (result.Summary.Requests, result.Summary.MalformedAnswers, result.Summary.Failed));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task GenerateItems_RetriesWithBackoff_AfterATransientStatus(int status)
    {
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer };
        server.EnqueueChat(new LoopbackOpenAiServer.Reply(Status: status));

        var result = await Generator(server).GenerateItemsAsync(KnowledgeTestData.Movies(), [0]);

        Assert.Single(result.Records);
        Assert.Equal((2, 1, 0), (result.Summary.Requests, result.Summary.Retries, result.Summary.Failed));
    }

    [Fact]
    public async Task GenerateItems_ReportsAFailure_WhenRetriesRunOut()
    {
        using var server = new LoopbackOpenAiServer();
        server.EnqueueChat(new(Status: 429), new(Status: 429), new(Status: 429));

        var result = await Generator(server, o => o with { MaxRetries = 2 }).GenerateItemsAsync(KnowledgeTestData.Movies(), [0]);

        Assert.Empty(result.Records);
        Assert.Contains("HTTP 429 (3 requests)", Assert.Single(result.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateItems_TimesOut_ThenRetries()
    {
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer };
        var generator = Generator(server, o => o with { Timeout = TimeSpan.FromMilliseconds(500) });
        await generator.GenerateItemsAsync(KnowledgeTestData.Movies(), [1]); // warm: connection and code paths ready
        server.EnqueueChat(new LoopbackOpenAiServer.Reply(Delay: TimeSpan.FromSeconds(5)));

        var result = await generator.GenerateItemsAsync(KnowledgeTestData.Movies(), [0]);

        Assert.Single(result.Records);
        Assert.Equal((1, 1, 2), (result.Summary.Timeouts, result.Summary.Retries, result.Summary.Requests));
    }

    [Fact]
    public async Task GenerateItems_Fails_WhenEveryRequestTimesOut()
    {
        using var server = new LoopbackOpenAiServer { ChatDelay = TimeSpan.FromSeconds(3) };
        var generator = Generator(server, o => o with { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 });

        var result = await generator.GenerateItemsAsync(KnowledgeTestData.Movies(), [0]);

        Assert.Contains("timed out after 0.2 s", Assert.Single(result.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateItems_KeepsAtMostConcurrencyRequestsInFlight()
    {
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer, ChatDelay = TimeSpan.FromMilliseconds(80) };
        var generator = Generator(server, o => o with { Concurrency = 3 });

        var result = await generator.GenerateItemsAsync(KnowledgeTestData.Movies(extra: 12));

        Assert.Equal(15, result.Records.Count);
        Assert.InRange(server.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task GenerateItems_Rerun_IsAnsweredFromTheCache_WithNoRequests()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer };
        var data = KnowledgeTestData.Movies();
        var first = await Generator(server, o => o with { CacheDirectory = folder.Path }).GenerateItemsAsync(data);
        int requests = server.Requests.Count;

        var second = await Generator(server, o => o with { CacheDirectory = folder.Path }).GenerateItemsAsync(data);

        Assert.Equal(requests, server.Requests.Count);
        Assert.Equal(3, second.Summary.CacheHits);
        Assert.Equal((0, 0L, 0m), (second.Summary.Requests, second.Summary.InputTokens, second.Summary.Cost));
        Assert.Equal(first.Records.Select(r => r.ToText()), second.Records.Select(r => r.ToText()));
    }

    [Fact]
    public async Task GenerateItems_CacheIsKeyedByModel_AndIgnoresCorruptEntries()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackOpenAiServer { ChatResponder = KnowledgeTestData.ItemAnswer };
        var data = KnowledgeTestData.Movies();
        await Generator(server, o => o with { CacheDirectory = folder.Path }).GenerateItemsAsync(data);
        var files = Directory.GetFiles(folder.Path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, files.Count);
        File.WriteAllText(files[0], "{ truncated");

        var rerun = await Generator(server, o => o with { CacheDirectory = folder.Path }).GenerateItemsAsync(data);
        var otherModel = await Generator(server, o => o with { CacheDirectory = folder.Path, Model = "other" }).GenerateItemsAsync(data);

        Assert.Equal((2, 1, 1), (rerun.Summary.CacheHits, rerun.Summary.CorruptCacheEntries, rerun.Summary.Generated));
        Assert.Equal((0, 3), (otherModel.Summary.CacheHits, otherModel.Summary.Generated));
    }

    [Fact]
    public async Task GenerateUsers_SendsTheRatedHistory_AndParsesPreferences()
    {
        using var server = new LoopbackOpenAiServer
        {
            ChatResponder = _ => """{"liked": ["animation", "Pixar"], "disliked": ["crime"], "summary": "Likes family films."}""",
        };

        var result = await Generator(server).GenerateUsersAsync(KnowledgeTestData.Movies(), [0]);

        var record = Assert.Single(result.Records);
        Assert.Equal(("u0", "Likes family films."), (record.User, record.Summary));
        Assert.Equal(["animation", "Pixar"], record.Liked);
        string prompt = server.Requests[0].MessagesText;
        Assert.Contains("Heat (1995) [Crime, Thriller]: 2", prompt, StringComparison.Ordinal);
        Assert.True(prompt.IndexOf("Heat", StringComparison.Ordinal) < prompt.IndexOf("Toy Story", StringComparison.Ordinal), "latest first");
    }

    [Fact]
    public void Options_RejectMissingModel()
    {
        var error = Assert.Throws<ArgumentException>(() => new LlmKnowledgeOptions().Validate());
        Assert.Equal("Model", error.ParamName);
    }

    private static LlmKnowledgeGenerator Generator(LoopbackOpenAiServer server, Func<LlmKnowledgeOptions, LlmKnowledgeOptions>? configure = null)
    {
        var options = new LlmKnowledgeOptions { Model = "test-model", InitialBackoff = TimeSpan.FromMilliseconds(10) };
        options = configure?.Invoke(options) ?? options;
        return new LlmKnowledgeGenerator(LlmKnowledgeGenerator.OpenAiChatClient(server.Endpoint, "secret", options.Model), options);
    }
}
