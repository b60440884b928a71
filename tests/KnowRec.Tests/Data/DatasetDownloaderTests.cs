using System.Net;
using System.Security.Cryptography;
using KnowRec.Data.Download;
using Xunit;

namespace KnowRec.Tests.Data;

public sealed class DatasetDownloaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "knowrec-dl-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }

    [Fact]
    public void Verify_Throws_OnWrongDigest()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "f.txt");
        File.WriteAllText(file, "hello");
        DatasetDownloader.Verify(file, Convert.ToHexStringLower(SHA256.HashData("hello"u8)), HashAlgorithmName.SHA256);
        var e = Assert.Throws<InvalidDataException>(() => DatasetDownloader.Verify(file, new string('0', 64), HashAlgorithmName.SHA256));
        Assert.Contains("f.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_ReportsIOException_WhenOffline_AndLeavesNothingBehind()
    {
        using var http = new HttpClient(new OfflineHandler());
        await Assert.ThrowsAsync<IOException>(() => new DatasetDownloader(http).PullAsync(DownloadCatalog.Get("ml-100k"), _root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public async Task PullAsync_RejectsTamperedArchive_AndLeavesNothingBehind()
    {
        using var http = new HttpClient(new FixedHandler([1, 2, 3]));
        await Assert.ThrowsAsync<InvalidDataException>(() => new DatasetDownloader(http).PullAsync(DownloadCatalog.Get("ml-100k"), _root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    private sealed class OfflineHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Name or service not known");
    }

    private sealed class FixedHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
    }
}
