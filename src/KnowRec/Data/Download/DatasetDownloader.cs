using System.IO.Compression;
using System.Security.Cryptography;

namespace KnowRec.Data.Download;

/// <summary>Downloads an official archive, checks it, and unpacks it into a data folder atomically.</summary>
/// <remarks>
/// Everything happens in a temporary folder next to the destination; only a fully verified dataset is renamed into
/// place, so an interrupted or tampered download never leaves a half-written dataset behind.
/// </remarks>
public sealed class DatasetDownloader(HttpClient http)
{
    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>Fetches <paramref name="source"/> into <c>root/NAME</c> and returns that folder.</summary>
    /// <exception cref="IOException">The network cannot be reached, or the folder already exists.</exception>
    /// <exception cref="InvalidDataException">A checksum does not match.</exception>
    public async Task<string> PullAsync(DownloadSource source, string root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        string destination = Path.Combine(root, source.Name);
        if (Directory.Exists(destination))
        {
            throw new IOException($"{destination} already exists; remove it first to download again.");
        }

        Directory.CreateDirectory(root);
        string work = Path.Combine(root, $".{source.Name}.download-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            string archive = Path.Combine(work, "archive.zip");
            await DownloadAsync(source.Url, archive, cancellationToken).ConfigureAwait(false);
            if (source.ArchiveMd5 is { } md5)
            {
                Verify(archive, md5, HashAlgorithmName.MD5);
            }

            string unpacked = Path.Combine(work, "unpacked");
            ZipFile.ExtractToDirectory(archive, unpacked);
            string folder = FindDatasetFolder(unpacked, source);
            foreach (var (file, sha256) in source.FileSha256)
            {
                Verify(Path.Combine(folder, file), sha256, HashAlgorithmName.SHA256);
            }

            Directory.Move(folder, destination);
            return destination;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Throws unless the file's digest equals <paramref name="expectedHex"/>.</summary>
    public static void Verify(string path, string expectedHex, HashAlgorithmName algorithm)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is missing from the archive.");
        }

        using var stream = File.OpenRead(path);
#pragma warning disable CA5351 // MD5 only compares against the digest GroupLens publishes; SHA-256 of the contents is the real guard.
        byte[] hash = algorithm == HashAlgorithmName.MD5 ? MD5.HashData(stream) : SHA256.HashData(stream);
#pragma warning restore CA5351
        string actual = Convert.ToHexStringLower(hash);
        if (!string.Equals(actual, expectedHex, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {algorithm.Name} is {actual}, expected {expectedHex}; the download is not the official file.");
        }
    }

    private async Task DownloadAsync(Uri url, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var file = File.Create(path);
            await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"Cannot download {url}: {e.Message}", e);
        }
    }

    // Archives hold one top folder named after the dataset (ml-100k/u.data); accept a flat archive too.
    private static string FindDatasetFolder(string unpacked, DownloadSource source)
    {
        string first = source.FileSha256.Keys.First();
        if (File.Exists(Path.Combine(unpacked, first)))
        {
            return unpacked;
        }

        return Directory.EnumerateDirectories(unpacked).FirstOrDefault(d => File.Exists(Path.Combine(d, first)))
            ?? throw new InvalidDataException($"The archive of {source.Name} has no {first}.");
    }
}
