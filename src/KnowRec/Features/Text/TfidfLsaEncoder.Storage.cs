using System.Security.Cryptography;
using System.Text;

namespace KnowRec.Features.Text;

/// <content>Saving and loading a fitted encoder, so a fitted model or a cache can carry it.</content>
public sealed partial class TfidfLsaEncoder
{
    private const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "KRTL"u8;

    /// <summary>Writes the fitted state: magic, version, options, vocabulary, idf, σ and V, then a SHA-256 of all of it.</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = Payload();
        destination.Write(bytes);
        destination.Write(SHA256.HashData(bytes));
    }

    /// <summary>Reads an encoder written by <see cref="Save"/>; <paramref name="threads"/> bounds its encoding threads (0: all cores).</summary>
    /// <exception cref="InvalidDataException">The data is not a tfidf-lsa encoder or is damaged.</exception>
    public static TfidfLsaEncoder Load(Stream source, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        var all = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        if (all.Length < Magic.Length + SHA256.HashSizeInBytes || !all.StartsWith(Magic))
        {
            throw new InvalidDataException("Not a tfidf-lsa encoder (bad magic).");
        }

        var payload = all[..^SHA256.HashSizeInBytes];
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(all[^SHA256.HashSizeInBytes..]))
        {
            throw new InvalidDataException("tfidf-lsa encoder is damaged (checksum mismatch).");
        }

        using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        int version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"tfidf-lsa encoder format {version} is not supported (expected {FormatVersion}).");
        }

        var options = new TfidfLsaOptions
        {
            Dimension = reader.ReadInt32(),
            MinDocumentFrequency = reader.ReadInt32(),
            MaxFeatures = reader.ReadInt32(),
            Oversampling = reader.ReadInt32(),
            PowerIterations = reader.ReadInt32(),
            Whiten = reader.ReadBoolean(),
            Seed = reader.ReadInt32(),
            Threads = threads,
        };
        var vectorizer = TfidfVectorizer.Read(reader);
        options = options with { WordNGramMax = vectorizer.WordMax, CharNGramMin = vectorizer.CharMin, CharNGramMax = vectorizer.CharMax };
        int k = reader.ReadInt32();
        if (k < 0 || k > options.Dimension)
        {
            throw new InvalidDataException($"tfidf-lsa encoder holds {k} dimensions for a requested {options.Dimension}.");
        }

        var sigma = new float[k];
        for (int c = 0; c < k; c++)
        {
            sigma[c] = reader.ReadSingle();
        }

        var right = new float[(long)vectorizer.Features * k];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(right.AsSpan()));
        return new TfidfLsaEncoder(options, vectorizer, sigma, right);
    }

    private byte[] Payload()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Options.Dimension);
            writer.Write(Options.MinDocumentFrequency);
            writer.Write(Options.MaxFeatures);
            writer.Write(Options.Oversampling);
            writer.Write(Options.PowerIterations);
            writer.Write(Options.Whiten);
            writer.Write(Options.Seed);
            _vectorizer.Write(writer);
            writer.Write(Dimension);
            foreach (float s in _sigma)
            {
                writer.Write(s);
            }

            // Little-endian on every platform .NET runs KnowRec on; the model file format makes the same assumption.
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_right.AsSpan()));
        }

        return buffer.ToArray();
    }

    private string ComputeStateHash() => Convert.ToHexStringLower(SHA256.HashData(Payload()))[..16];
}
