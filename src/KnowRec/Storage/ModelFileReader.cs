using System.Security.Cryptography;
using System.Text;
using KnowRec.Data;

namespace KnowRec.Storage;

/// <summary>Reads a file written by <see cref="ModelFileWriter"/>, after checking its magic, version and checksum.</summary>
public sealed class ModelFileReader : IDisposable
{
    private readonly BinaryReader _reader;

    private ModelFileReader(BinaryReader reader, string kind, string optionsJson)
    {
        _reader = reader;
        Kind = kind;
        OptionsJson = optionsJson;
    }

    /// <summary>The model kind stored in the file.</summary>
    public string Kind { get; }

    /// <summary>The options the model was fitted with, as JSON.</summary>
    public string OptionsJson { get; }

    /// <summary>Reads the whole stream, verifies it and returns a reader positioned after the header.</summary>
    /// <exception cref="InvalidDataException">The stream is not a KnowRec model file, has another version, or is damaged.</exception>
    public static ModelFileReader Open(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        const int hashLength = 32;
        if (bytes.Length < ModelFileWriter.Magic.Length + hashLength || !bytes.AsSpan(0, 4).SequenceEqual(ModelFileWriter.Magic))
        {
            throw new InvalidDataException("Not a KnowRec model file (bad magic).");
        }

        int payload = bytes.Length - hashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, payload)).AsSpan().SequenceEqual(bytes.AsSpan(payload)))
        {
            throw new InvalidDataException("KnowRec model file is damaged (checksum mismatch).");
        }

        var reader = new BinaryReader(new MemoryStream(bytes, 0, payload, writable: false), Encoding.UTF8);
        reader.ReadBytes(4);
        int version = reader.ReadInt32();
        if (version != ModelFileWriter.FormatVersion)
        {
            throw new InvalidDataException($"KnowRec model file has format version {version}; this build reads version {ModelFileWriter.FormatVersion}.");
        }

        return new ModelFileReader(reader, reader.ReadString(), reader.ReadString());
    }

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => _reader.ReadInt32();

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => _reader.ReadInt64();

    /// <summary>Reads a 32-bit float.</summary>
    public float ReadSingle() => _reader.ReadSingle();

    /// <summary>Reads a 64-bit float.</summary>
    public double ReadDouble() => _reader.ReadDouble();

    /// <summary>Reads a string.</summary>
    public string ReadString() => _reader.ReadString();

    /// <summary>Reads an int array.</summary>
    public int[] ReadInt32Array()
    {
        var values = new int[ReadLength(sizeof(int))];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _reader.ReadInt32();
        }

        return values;
    }

    /// <summary>Reads a float array.</summary>
    public float[] ReadSingleArray()
    {
        var values = new float[ReadLength(sizeof(float))];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _reader.ReadSingle();
        }

        return values;
    }

    /// <summary>Reads an id map.</summary>
    public IdMap ReadIdMap()
    {
        int count = ReadLength(1);
        var ids = new string[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = _reader.ReadString();
        }

        return new IdMap(ids);
    }

    /// <summary>Reads a CSR matrix.</summary>
    public InteractionMatrix ReadMatrix()
    {
        int users = _reader.ReadInt32();
        int items = _reader.ReadInt32();
        int[] starts = ReadInt32Array();
        int[] columns = ReadInt32Array();
        float[] values = ReadSingleArray();
        return InteractionMatrix.FromCsr(users, items, starts, columns, values);
    }

    // A length larger than what is left cannot be honest: fail before allocating it.
    private int ReadLength(int elementSize)
    {
        int length = _reader.ReadInt32();
        long left = _reader.BaseStream.Length - _reader.BaseStream.Position;
        if (length < 0 || (long)length * elementSize > left)
        {
            throw new InvalidDataException($"KnowRec model file is damaged (array length {length}).");
        }

        return length;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
