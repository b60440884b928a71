using System.Net;
using System.Security.Cryptography;
using System.Text;
using KnowRec.Features.Text.Onnx;
using Xunit;

namespace KnowRec.Tests.Features.Text.Onnx;

public sealed class PretrainedModelDownloaderTests : IDisposable
{
    private static readonly Uri Hub = new("https://hub.test");
    private readonly TempFolder _temp = new();
    private readonly string _root;

    // Two missing levels, like ~/.knowrec/models on a fresh machine: a failed pull must remove both again.
    public PretrainedModelDownloaderTests() => _root = Path.Combine(_temp.Path, "home", "models");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PullAsync_Unreachable_ThrowsIOException_AndLeavesNothingBehind()
    {
        using var http = new HttpClient();
        var e = await Assert.ThrowsAsync<IOException>(() =>
            new PretrainedModelDownloader(http).PullAsync(PretrainedModels.Get("all-MiniLM-L6-v2"), _root, new Uri("http://127.0.0.1:1")));
        Assert.Contains("127.0.0.1:1", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "home")));
    }

    [Fact]
    public async Task PullAsync_VerifiesPinnedAndLinkedDigests_AndOpensAsEncoder()
    {
        // A tiny model served like the Hub: small files directly, the ONNX graph through a redirect carrying X-Linked-Etag.
        var (model, server) = ServeTinyModel(linkedSha256: null);
        using var http = new HttpClient(server);
        string folder = await new PretrainedModelDownloader(http).PullAsync(model, _root, Hub);

        Assert.Equal(Path.Combine(_root, "tiny"), folder);
        Assert.True(File.Exists(Path.Combine(folder, "onnx", "model.onnx")));
        Assert.Equal(["tiny"], Directory.EnumerateFileSystemEntries(_root).Select(p => Path.GetFileName(p)!)); // no temp folder left
        using var encoder = OnnxTextEncoder.Open(folder);
        Assert.Equal(4, encoder.Encode(["a red house"])[0].Length);
        Assert.Contains("https://hub.test/org/tiny/resolve/main/onnx/model.onnx", server.Requested);
        Assert.Contains("https://cdn.test/blob", server.Requested);
    }

    [Fact]
    public async Task PullAsync_LinkedDigestMismatch_ThrowsInvalidData_AndLeavesNothingBehind()
    {
        var (model, server) = ServeTinyModel(linkedSha256: new string('a', 64));
        using var http = new HttpClient(server);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => new PretrainedModelDownloader(http).PullAsync(model, _root, Hub));
        Assert.Contains("model.onnx", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "home")));
    }

    [Fact]
    public async Task PullAsync_NoDigestAnywhere_RefusesTheFile()
    {
        var server = new FakeHub();
        server.Add("https://hub.test/org/x/resolve/main/model.onnx", HttpStatusCode.OK, [1, 2, 3]);
        using var http = new HttpClient(server);
        var model = new PretrainedModel("x", "org/x", "main", [new("model.onnx", null)]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => new PretrainedModelDownloader(http).PullAsync(model, _root, Hub));
        Assert.Contains("cannot be verified", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "home")));
    }

    [Fact]
    public async Task PullAsync_ExistingFolder_Refuses()
    {
        Directory.CreateDirectory(Path.Combine(_root, "all-MiniLM-L6-v2"));
        using var http = new HttpClient(new FakeHub());
        await Assert.ThrowsAsync<IOException>(() => new PretrainedModelDownloader(http).PullAsync(PretrainedModels.Get("all-MiniLM-L6-v2"), _root, Hub));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "all-MiniLM-L6-v2")));
    }

    [Theory]
    [InlineData("\"6fd5d72fe4589f189f8ebc006442dbb529bb7ce38f8082112682524616046452\"", "6fd5d72fe4589f189f8ebc006442dbb529bb7ce38f8082112682524616046452")]
    [InlineData("W/\"6FD5D72FE4589F189F8EBC006442DBB529BB7CE38F8082112682524616046452\"", "6fd5d72fe4589f189f8ebc006442dbb529bb7ce38f8082112682524616046452")]
    [InlineData("\"cb202bfe86e3ddbe5cd0b4ea4c3ab0e5b5d9a41f\"", null)]
    public void LinkedSha256_ReadsHubHeader(string header, string? expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.TryAddWithoutValidation("X-Linked-Etag", header);
        Assert.Equal(expected, PretrainedModelDownloader.LinkedSha256(response));
    }

    [Fact]
    public void Catalog_MiniLm_PointsAtHubResolveUrls()
    {
        var model = PretrainedModels.Get("ALL-minilm-l6-v2");
        Assert.Equal(
            "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2/resolve/main/onnx/model.onnx",
            model.UrlOf(PretrainedModels.DefaultEndpoint, model.Files[0]).AbsoluteUri);
        Assert.Throws<ArgumentException>(() => PretrainedModels.Get("bert-large"));
    }

    [ModelFact("all-MiniLM-L6-v2-tokenizer")]
    public void Catalog_MiniLm_PinnedDigestsMatchTheRealFiles()
    {
        string real = TestModels.PathOf("all-MiniLM-L6-v2-tokenizer");
        foreach (var file in PretrainedModels.Get("all-MiniLM-L6-v2").Files.Where(f => f.Sha256 is not null))
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(real, file.Path));
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    private (PretrainedModel Model, FakeHub Server) ServeTinyModel(string? linkedSha256)
    {
        string source = TinyBertFolder.Write(Path.Combine(_temp.Path, "source"), new TinyBert(TinyBertFolder.SmallVocabulary.Length, 4, 20));
        var server = new FakeHub();
        var files = new List<PretrainedFile>();
        byte[] onnx = File.ReadAllBytes(Path.Combine(source, "model.onnx"));
        server.Add("https://hub.test/org/tiny/resolve/main/onnx/model.onnx", HttpStatusCode.Found, [], "https://cdn.test/blob",
            linkedSha256 ?? Convert.ToHexStringLower(SHA256.HashData(onnx)));
        server.Add("https://cdn.test/blob", HttpStatusCode.OK, onnx);
        files.Add(new("onnx/model.onnx", null));
        foreach (string name in new[] { "vocab.txt", "tokenizer_config.json", "sentence_bert_config.json", "config.json" })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(source, name));
            server.Add($"https://hub.test/org/tiny/resolve/main/{name}", HttpStatusCode.OK, bytes);
            files.Add(new(name, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }

        return (new PretrainedModel("tiny", "org/tiny", "main", files), server);
    }

    /// <summary>Answers fixed responses by URL, like the Hub: redirects carry X-Linked-Etag; unknown URLs are 404.</summary>
    private sealed class FakeHub : HttpMessageHandler
    {
        private readonly Dictionary<string, (HttpStatusCode Status, byte[] Body, string? Location, string? Linked)> _responses = [];

        public List<string> Requested { get; } = [];

        public void Add(string url, HttpStatusCode status, byte[] body, string? location = null, string? linked = null) =>
            _responses[url] = (status, body, location, linked);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string url = request.RequestUri!.AbsoluteUri;
            Requested.Add(url);
            if (!_responses.TryGetValue(url, out var r))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("not found", Encoding.UTF8) });
            }

            var response = new HttpResponseMessage(r.Status) { Content = new ByteArrayContent(r.Body) };
            if (r.Location is { } location)
            {
                response.Headers.Location = new Uri(location);
            }

            if (r.Linked is { } linked)
            {
                response.Headers.TryAddWithoutValidation("X-Linked-Etag", $"\"{linked}\"");
            }

            return Task.FromResult(response);
        }
    }
}
