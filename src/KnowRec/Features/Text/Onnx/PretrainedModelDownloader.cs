using System.Net;
using System.Security.Cryptography;
using KnowRec.Data.Download;

namespace KnowRec.Features.Text.Onnx;

/// <summary>Downloads a pretrained model's files from the Hugging Face Hub, verifies each SHA-256, and moves the folder into place atomically.</summary>
/// <remarks>
/// As <see cref="DatasetDownloader"/>: everything is written to a temporary folder beside the destination and renamed only
/// when every file is verified, so a failed or tampered download leaves nothing behind. Redirects are followed here (at
/// most 10) so that the Hub's <c>X-Linked-Etag</c> header, sent on the redirect to the LFS storage, can be read.
/// </remarks>
public sealed class PretrainedModelDownloader(HttpClient http)
{
    private const int MaxRedirects = 10;
    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>Fetches <paramref name="model"/> into <c>root/NAME</c> and returns that folder.</summary>
    /// <param name="model">The model and its files.</param>
    /// <param name="root">Models folder (created when missing; what this call created is removed again if it fails).</param>
    /// <param name="endpoint">Hub address or mirror; <see cref="PretrainedModels.Endpoint"/> when null.</param>
    /// <param name="progress">Receives one line per file once the server has answered for it.</param>
    /// <param name="cancellationToken">Stops the download; nothing is left behind.</param>
    /// <exception cref="IOException">The server cannot be reached or refuses a file, or the folder already exists.</exception>
    /// <exception cref="InvalidDataException">A file's SHA-256 does not match, or no digest is known for it.</exception>
    public async Task<string> PullAsync(
        PretrainedModel model, string root, Uri? endpoint = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        endpoint ??= PretrainedModels.Endpoint;
        string destination = Path.Combine(root, model.Name);
        if (Directory.Exists(destination) || File.Exists(destination))
        {
            throw new IOException($"{destination} already exists; remove it first to download again.");
        }

        // The outermost folder this call creates (e.g. ~/.knowrec for ~/.knowrec/models), removed again on failure.
        string? created = null;
        for (var dir = new DirectoryInfo(Path.GetFullPath(root)); dir is not null && !dir.Exists; dir = dir.Parent)
        {
            created = dir.FullName;
        }

        Directory.CreateDirectory(root);
        string work = Path.Combine(root, $".{model.Name}.download-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(work);
            foreach (var file in model.Files)
            {
                Uri url = model.UrlOf(endpoint, file);
                string target = Path.Combine(work, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                string? linked = await DownloadAsync(url, target, progress, cancellationToken).ConfigureAwait(false);
                string expected = file.Sha256 ?? linked
                    ?? throw new InvalidDataException($"{file.Path}: no SHA-256 is pinned for it and {url.Host} sent none (X-Linked-Etag), so the download cannot be verified.");
                DatasetDownloader.Verify(target, expected, HashAlgorithmName.SHA256);
            }

            Directory.Move(work, destination);
            return destination;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            if (created is not null && !Directory.Exists(destination))
            {
                Directory.Delete(created, recursive: true);
            }
        }
    }

    /// <summary>The SHA-256 in a Hub <c>X-Linked-Etag</c> header (<c>"hex"</c>, possibly weak), or null when absent or not a SHA-256.</summary>
    public static string? LinkedSha256(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("X-Linked-Etag", out var values))
        {
            return null;
        }

        string value = values.First().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        value = value.Trim('"');
        return value.Length == 64 && value.All(Uri.IsHexDigit) ? value.ToLowerInvariant() : null;
    }

    // Returns the X-Linked-Etag digest seen on any hop.
    private async Task<string?> DownloadAsync(Uri url, string path, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        try
        {
            string? linked = null;
            Uri current = url;
            for (int hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                linked ??= LinkedSha256(response);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw new IOException($"Cannot download {url}: more than {MaxRedirects} redirects.");
                    }

                    current = new Uri(current, location);
                    continue;
                }

                response.EnsureSuccessStatusCode();
                string size = response.Content.Headers.ContentLength is { } bytes ? $" ({bytes / 1e6:F1} MB)" : "";
                progress?.Report($"downloading {url}{size}");
                var file = File.Create(path);
                await using (file.ConfigureAwait(false))
                {
                    await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }

                return linked;
            }
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"Cannot download {url}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"Cannot download {url}: timed out.", e);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
}
