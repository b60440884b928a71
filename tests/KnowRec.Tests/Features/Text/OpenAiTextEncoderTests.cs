using KnowRec.Features.Text;
using KnowRec.Tests.Support;
using Xunit;

namespace KnowRec.Tests.Features.Text;

public sealed class OpenAiTextEncoderTests
{
    [Fact]
    public async Task Generate_ReturnsServerEmbeddingsInBatches_WithKeyAndModel()
    {
        using var server = new LoopbackOpenAiServer();
        using var encoder = OpenAiTextEncoder.Create(new OpenAiTextEncoderOptions { Endpoint = server.Endpoint.ToString(), Model = "embed-test", ApiKey = "test-key", BatchSize = 2 });
        string[] texts = ["a toy story", "jumanji", "grumpier old men", "heat", "sabrina"];

        var embeddings = await encoder.GenerateAsync(texts);

        Assert.Equal(texts.Length, embeddings.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(LoopbackOpenAiServer.EmbeddingOf(texts[i], 8), embeddings[i].Vector.ToArray());
        }

        var requests = server.Requests;
        Assert.Equal(3, requests.Count); // 2 + 2 + 1
        Assert.All(requests, r => Assert.Equal("/v1/embeddings", r.Path));
        Assert.All(requests, r => Assert.Equal("Bearer test-key", r.Authorization));
        Assert.All(requests, r => Assert.Equal("embed-test", r.Json["model"]!.GetValue<string>()));
        Assert.Equal(8, encoder.Dimension);
        Assert.Equal(texts.Sum(t => t.Split(' ').Length), embeddings.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task Generate_AsksForDimensions_WhenGiven()
    {
        using var server = new LoopbackOpenAiServer();
        using var encoder = OpenAiTextEncoder.Create(new OpenAiTextEncoderOptions { Endpoint = server.Endpoint.ToString(), Model = "m", Dimensions = 4 });

        var embeddings = await encoder.GenerateAsync(["one text"]);

        Assert.Equal(4, embeddings[0].Vector.Length);
        Assert.Equal(4, server.Requests[0].Json["dimensions"]!.GetValue<int>());
    }

    [Fact]
    public async Task Generate_Throws_WhenTheServerChangesDimension()
    {
        using var server = new LoopbackOpenAiServer();
        using var encoder = OpenAiTextEncoder.Create(new OpenAiTextEncoderOptions { Endpoint = server.Endpoint.ToString(), Model = "m" });
        await encoder.GenerateAsync(["first"]);
        server.EmbeddingDimension = 5;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => encoder.GenerateAsync(["second"]));

        Assert.Contains("expected 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_RetriesA429_ThroughTheSdkPolicy()
    {
        using var server = new LoopbackOpenAiServer();
        server.EnqueueEmbedding(new LoopbackOpenAiServer.Reply(Status: 429));
        using var encoder = OpenAiTextEncoder.Create(new OpenAiTextEncoderOptions { Endpoint = server.Endpoint.ToString(), Model = "m", MaxRetries = 1 });

        var embeddings = await encoder.GenerateAsync(["retry me"]);

        Assert.Single(embeddings);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Generate_EmptyText_KeepsRowsAligned()
    {
        using var server = new LoopbackOpenAiServer();
        using var encoder = OpenAiTextEncoder.Create(new OpenAiTextEncoderOptions { Endpoint = server.Endpoint.ToString(), Model = "m" });

        var embeddings = await encoder.GenerateAsync(["", "words"]);

        Assert.Equal(LoopbackOpenAiServer.EmbeddingOf(" ", 8), embeddings[0].Vector.ToArray());
        Assert.Equal(LoopbackOpenAiServer.EmbeddingOf("words", 8), embeddings[1].Vector.ToArray());
    }

    [Theory]
    [InlineData(0, null, "BatchSize")]
    [InlineData(8, 0, "Dimensions")]
    public void Create_RejectsBadOptions(int batch, int? dimensions, string property)
    {
        var error = Assert.Throws<ArgumentException>(() => OpenAiTextEncoder.Create(new OpenAiTextEncoderOptions { Endpoint = "http://127.0.0.1:1/v1/", Model = "m", BatchSize = batch, Dimensions = dimensions }));
        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public void FromSettings_ReadsEndpointModelAndBatchSize()
    {
        var options = OpenAiTextEncoderOptions.FromSettings(16, new Dictionary<string, string> { ["Endpoint"] = "http://h/v1/", ["model"] = "nomic-embed-text", ["batch-size"] = "8" });

        Assert.Equal(("http://h/v1/", "nomic-embed-text", 8, (int?)16), (options.Endpoint, options.Model, options.BatchSize, options.Dimensions));
        Assert.Throws<ArgumentException>(() => OpenAiTextEncoderOptions.FromSettings(null, new Dictionary<string, string> { ["batch-size"] = "many" }));
    }

    [Fact]
    public void ParseEndpoint_AddsTheSlashAndRejectsOtherSchemes()
    {
        Assert.Equal("http://localhost:11434/v1/", OpenAiConnection.ParseEndpoint("http://localhost:11434/v1").ToString());
        Assert.Throws<ArgumentException>(() => OpenAiConnection.ParseEndpoint("ftp://host/v1"));
    }
}
