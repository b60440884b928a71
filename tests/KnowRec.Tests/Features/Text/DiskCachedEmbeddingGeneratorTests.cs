using KnowRec.Features.Text;
using Microsoft.Extensions.AI;
using Xunit;

namespace KnowRec.Tests.Features.Text;

public sealed class DiskCachedEmbeddingGeneratorTests
{
    [Fact]
    public async Task SecondRun_CallsInnerGeneratorZeroTimes()
    {
        using var folder = new TempFolder();
        string[] texts = ["alpha", "beta", "alpha", "gamma"];
        var inner = new CountingGenerator();
        using (var first = new DiskCachedEmbeddingGenerator(inner, folder.Path, "test-encoder"))
        {
            var a = await first.GenerateAsync(texts);
            Assert.Equal(1, inner.Calls);
            Assert.Equal(3, inner.Texts);
            Assert.Equal(a[0].Vector.ToArray(), a[2].Vector.ToArray());
        }

        var again = new CountingGenerator();
        using var second = new DiskCachedEmbeddingGenerator(again, folder.Path, "test-encoder");
        var b = await second.GenerateAsync(texts);
        Assert.Equal(0, again.Calls);
        Assert.Equal(4, second.Hits);
        Assert.Equal(CountingGenerator.Vector("gamma"), b[3].Vector.ToArray());
    }

    [Fact]
    public async Task OtherEncoderId_DoesNotShareEntries()
    {
        using var folder = new TempFolder();
        using (var first = new DiskCachedEmbeddingGenerator(new CountingGenerator(), folder.Path, "one"))
        {
            await first.GenerateAsync(["alpha"]);
        }

        var inner = new CountingGenerator();
        using var other = new DiskCachedEmbeddingGenerator(inner, folder.Path, "two");
        await other.GenerateAsync(["alpha"]);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task CorruptedFile_IsIgnoredCountedAndRebuilt()
    {
        using var folder = new TempFolder();
        string path;
        using (var first = new DiskCachedEmbeddingGenerator(new CountingGenerator(), folder.Path, "enc"))
        {
            await first.GenerateAsync(["alpha", "beta"]);
            path = first.PathOf("enc");
        }

        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x55;
        File.WriteAllBytes(path, bytes);
        var inner = new CountingGenerator();
        using (var damaged = new DiskCachedEmbeddingGenerator(inner, folder.Path, "enc"))
        {
            var result = await damaged.GenerateAsync(["alpha", "beta"]);
            Assert.Equal(1, damaged.CorruptFilesIgnored);
            Assert.Equal(2, inner.Texts);
            Assert.Equal(CountingGenerator.Vector("beta"), result[1].Vector.ToArray());
        }

        var after = new CountingGenerator();
        using var rebuilt = new DiskCachedEmbeddingGenerator(after, folder.Path, "enc");
        await rebuilt.GenerateAsync(["alpha", "beta"]);
        Assert.Equal(0, after.Calls);
        Assert.Equal(0, rebuilt.CorruptFilesIgnored);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task DefaultId_FollowsTheFittedTfidfLsaState()
    {
        using var folder = new TempFolder();
        string[] corpus = ["red apple", "green apple", "red car", "blue car"];
        var one = TfidfLsaEncoder.Fit(corpus, new TfidfLsaOptions { Dimension = 2, MinDocumentFrequency = 1 });
        var two = TfidfLsaEncoder.Fit(corpus, new TfidfLsaOptions { Dimension = 2, MinDocumentFrequency = 1, Seed = 7, PowerIterations = 0 });
        using var a = new DiskCachedEmbeddingGenerator(one, folder.Path);
        using var b = new DiskCachedEmbeddingGenerator(two, folder.Path);
        Assert.Equal(one.Id, a.EncoderId);
        Assert.NotEqual(a.EncoderId, b.EncoderId);
        var cached = await a.GenerateAsync(["red apple"]);
        Assert.Equal(one.Encode("red apple"), cached[0].Vector.ToArray());
    }

    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Calls { get; private set; }

        public int Texts { get; private set; }

        public static float[] Vector(string text) => [text.Length, text[0], 1f / text.Length];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var list = values.ToList();
            Texts += list.Count;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(list.Select(t => new Embedding<float>(Vector(t)))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
