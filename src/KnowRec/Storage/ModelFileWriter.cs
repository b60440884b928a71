using System.Security.Cryptography;
using System.Text;
using KnowRec.Data;

namespace KnowRec.Storage;

/// <summary>Writes KnowRec's model file format: magic, format version, kind, options JSON, id maps, little-endian arrays, SHA-256.</summary>
/// <remarks>
/// The payload is built in memory and the checksum appended, so a reader can reject a truncated or altered file before
/// trusting any length it reads. Not thread-safe; one writer per file.
/// </remarks>
public sealed class ModelFileWriter : IDisposable
{
    /// <summary>The first four bytes of every model file.</summary>
    public static ReadOnlySpan<byte> Magic => "KNRC"u8;

    /// <summary>Current format version.</summary>
    public const int FormatVersion = 1;

    private readonly MemoryStream _buffer = new();
    private readonly BinaryWriter _writer;

    /// <summary>Starts a model file for <paramref name="kind"/> with its options serialised as JSON.</summary>
    public ModelFileWriter(string kind, string optionsJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(optionsJson);
        _writer = new BinaryWriter(_buffer, Encoding.UTF8, leaveOpen: true);
        _writer.Write(Magic);
        _writer.Write(FormatVersion);
        _writer.Write(kind);
        _writer.Write(optionsJson);
    }

    /// <summary>Writes a 32-bit integer.</summary>
    public void Write(int value) => _writer.Write(value);

    /// <summary>Writes a 64-bit integer.</summary>
    public void Write(long value) => _writer.Write(value);

    /// <summary>Writes a 32-bit float.</summary>
    public void Write(float value) => _writer.Write(value);

    /// <summary>Writes a 64-bit float.</summary>
    public void Write(double value) => _writer.Write(value);

    /// <summary>Writes a string (length-prefixed UTF-8).</summary>
    public void Write(string value) => _writer.Write(value);

    /// <summary>Writes an int array with its length.</summary>
    public void Write(ReadOnlySpan<int> values)
    {
        _writer.Write(values.Length);
        foreach (int v in values)
        {
            _writer.Write(v);
        }
    }

    /// <summary>Writes a float array with its length.</summary>
    public void Write(ReadOnlySpan<float> values)
    {
        _writer.Write(values.Length);
        foreach (float v in values)
        {
            _writer.Write(v);
        }
    }

    /// <summary>Writes the raw ids of a map in index order.</summary>
    public void Write(IdMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        _writer.Write(map.Count);
        foreach (string id in map.Ids)
        {
            _writer.Write(id);
        }
    }

    /// <summary>Writes a CSR matrix.</summary>
    public void Write(InteractionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        _writer.Write(matrix.Users);
        _writer.Write(matrix.Items);
        Write(matrix.RowStarts);
        Write(matrix.Columns);
        Write(matrix.Values);
    }

    /// <summary>Appends the checksum and copies the finished file to <paramref name="destination"/>.</summary>
    public void CopyTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _writer.Flush();
        byte[] hash = SHA256.HashData(_buffer.GetBuffer().AsSpan(0, (int)_buffer.Length));
        destination.Write(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        destination.Write(hash);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }
}
