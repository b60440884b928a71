using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace KnowRec.Features.Text;

/// <summary>
/// An on-disk embedding cache in front of any text encoder: a text whose embedding is stored is served from disk, the
/// rest go to the inner generator in one batch. Keyed by (encoder id, SHA-256 of the text), so a refitted or different
/// encoder never serves stale vectors.
/// </summary>
/// <remarks>
/// One file per encoder id (and requested dimension) under the cache folder, read whole on first use. After a batch
/// with misses the whole file is written to a temporary name and renamed over the old one, so a crash never leaves a
/// half-written cache. A file that fails its checks (magic, version, encoder id, length, trailing SHA-256) is ignored
/// and counted in <see cref="CorruptFilesIgnored"/>; the next write replaces it. The encoder id defaults to
/// <see cref="TfidfLsaEncoder.Id"/> (which hashes the fitted state) or else provider/model/dimension from the inner
/// generator's <see cref="EmbeddingGeneratorMetadata"/>. Thread-safe: calls are serialised by a semaphore.
/// </remarks>
public sealed class DiskCachedEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "KREC"u8.ToArray();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, float[]>> _loaded = new(StringComparer.Ordinal);

    /// <summary>Caches <paramref name="inner"/>'s embeddings under <paramref name="directory"/> (created when missing).</summary>
    /// <param name="inner">The encoder that computes what the cache does not hold.</param>
    /// <param name="directory">Folder of the cache files.</param>
    /// <param name="encoderId">Identifies the encoder and its fitted state; default: derived from <paramref name="inner"/>.</param>
    public DiskCachedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string directory, string? encoderId = null)
        : base(inner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        EncoderId = encoderId ?? DefaultId(inner);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The encoder part of every key.</summary>
    public string EncoderId { get; }

    /// <summary>Texts served from the cache so far.</summary>
    public int Hits { get; private set; }

    /// <summary>Texts sent to the inner generator so far.</summary>
    public int Misses { get; private set; }

    /// <summary>Cache files found damaged and ignored so far.</summary>
    public int CorruptFilesIgnored { get; private set; }

    /// <inheritdoc/>
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] texts = [.. values];
        string[] keys = [.. texts.Select(Key)];
        string id = options?.Dimensions is { } d ? $"{EncoderId}|d{d}" : EncoderId;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cache = Entries(id);
            var missing = new List<int>();
            var queued = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < texts.Length; i++)
            {
                if (!cache.ContainsKey(keys[i]) && queued.Add(keys[i]))
                {
                    missing.Add(i);
                }
            }

            if (missing.Count > 0)
            {
                var fresh = await InnerGenerator.GenerateAsync(missing.Select(i => texts[i]), options, cancellationToken).ConfigureAwait(false);
                if (fresh.Count != missing.Count)
                {
                    throw new InvalidOperationException($"The inner generator returned {fresh.Count} embeddings for {missing.Count} texts.");
                }

                for (int m = 0; m < missing.Count; m++)
                {
                    cache[keys[missing[m]]] = fresh[m].Vector.ToArray();
                }

                Write(id, cache);
            }

            Misses += missing.Count;
            Hits += texts.Length - missing.Count;
            var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
            foreach (string key in keys)
            {
                result.Add(new Embedding<float>(cache[key]) { ModelId = EncoderId });
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The file holding the entries of encoder id <paramref name="id"/>.</summary>
    public string PathOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        string safe = new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];
        return Path.Combine(Directory, $"{safe[..Math.Min(safe.Length, 60)]}-{digest}.embeddings");
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? string.Empty)));

    private static string DefaultId(IEmbeddingGenerator<string, Embedding<float>> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.GetService(typeof(TfidfLsaEncoder)) is TfidfLsaEncoder lsa)
        {
            return lsa.Id;
        }

        var metadata = inner.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata;
        return $"{metadata?.ProviderName ?? inner.GetType().Name}/{metadata?.DefaultModelId ?? "default"}/{metadata?.DefaultModelDimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}";
    }

    private Dictionary<string, float[]> Entries(string id)
    {
        if (!_loaded.TryGetValue(id, out var entries))
        {
            entries = Read(id);
            _loaded[id] = entries;
        }

        return entries;
    }

    private Dictionary<string, float[]> Read(string id)
    {
        string path = PathOf(id);
        var entries = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length < SHA256.HashSizeInBytes
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - SHA256.HashSizeInBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - SHA256.HashSizeInBytes)))
            {
                throw new InvalidDataException("checksum");
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - SHA256.HashSizeInBytes), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion || reader.ReadString() != id)
            {
                throw new InvalidDataException("header");
            }

            int count = reader.ReadInt32();
            for (int e = 0; e < count; e++)
            {
                string key = Convert.ToHexString(reader.ReadBytes(SHA256.HashSizeInBytes));
                var vector = new float[reader.ReadInt32()];
                for (int c = 0; c < vector.Length; c++)
                {
                    vector[c] = reader.ReadSingle();
                }

                entries[key] = vector;
            }

            return entries;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or ArgumentException or OverflowException or OutOfMemoryException)
        {
            CorruptFilesIgnored++;
            return new Dictionary<string, float[]>(StringComparer.Ordinal);
        }
    }

    private void Write(string id, Dictionary<string, float[]> entries)
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(id);
            writer.Write(entries.Count);
            foreach (var (key, vector) in entries)
            {
                writer.Write(Convert.FromHexString(key));
                writer.Write(vector.Length);
                foreach (float v in vector)
                {
                    writer.Write(v);
                }
            }
        }

        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        string path = PathOf(id);
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, path, overwrite: true);
    }
}
