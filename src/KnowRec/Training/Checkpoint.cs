using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;

namespace KnowRec.Training;

/// <summary>Saves and restores a training run between epochs: parameters, optimiser state and early-stopping state.</summary>
/// <remarks>
/// <para>
/// File layout (little-endian): magic <c>KNCK</c>, format version, completed epochs, optimiser type name, optimiser step
/// count and learning rate; each parameter's rank, dimensions and values; each optimiser state array; optionally the
/// early-stopping counters and snapshot; then the SHA-256 of everything before it. The file is written to a temporary
/// name beside the target and renamed over it, so a crash leaves either the old checkpoint or the new one, never half
/// of one; a truncated or altered file fails the checksum and is refused.
/// </para>
/// <para>
/// A resumed run continues exactly as an uninterrupted one when everything random in an epoch is derived from the seed
/// and the epoch number (as <see cref="ShuffledBatches"/> and <c>SplitMix64.Derive(seed, epoch)</c> do) rather than
/// carried over from earlier epochs: the checkpoint restores every other input of the next step bit for bit.
/// </para>
/// </remarks>
public static partial class Checkpoint
{
    /// <summary>The first four bytes of every checkpoint.</summary>
    public static ReadOnlySpan<byte> Magic => "KNCK"u8;

    /// <summary>Current format version.</summary>
    public const int FormatVersion = 1;

    private const int HashLength = 32;

    /// <summary>Writes a checkpoint after <paramref name="epoch"/> completed epochs, atomically replacing <paramref name="path"/>.</summary>
    /// <param name="path">The checkpoint file; its folder must exist.</param>
    /// <param name="epoch">Number of epochs completed, not negative; <see cref="Load"/> returns it.</param>
    /// <param name="parameters">The model's parameters, in a fixed order (usually <c>optimizer.Parameters</c>).</param>
    /// <param name="optimizer">The optimiser whose state is saved.</param>
    /// <param name="earlyStopping">Early-stopping state to save with it, if any.</param>
    public static void Save(string path, int epoch, IReadOnlyList<Tensor> parameters, Optimizer optimizer, EarlyStopping? earlyStopping = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(FormatVersion);
                    writer.Write(epoch);
                    writer.Write(optimizer.GetType().Name);
                    writer.Write(optimizer.Steps);
                    writer.Write(optimizer.LearningRate);
                    writer.Write(parameters.Count);
                    foreach (var parameter in parameters)
                    {
                        ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
                        writer.Write(parameter.Rank);
                        foreach (int dimension in parameter.Shape)
                        {
                            writer.Write(dimension);
                        }

                        WriteValues(writer, parameter.Data);
                    }

                    WriteArrays(writer, optimizer.State);
                    writer.Write(earlyStopping is not null);
                    if (earlyStopping is not null)
                    {
                        writer.Write(earlyStopping.BestMetric);
                        writer.Write(earlyStopping.BestEpoch);
                        writer.Write(earlyStopping.EvaluationsWithoutImprovement);
                        WriteArrays(writer, earlyStopping.Snapshot);
                    }
                }

                // Hashing the file just written reads it back from the page cache, cheaper than holding it in memory.
                stream.Position = 0;
                byte[] hash = SHA256.HashData(stream);
                stream.Position = stream.Length;
                stream.Write(hash);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteArrays(BinaryWriter writer, IReadOnlyList<float[]> arrays)
    {
        writer.Write(arrays.Count);
        foreach (var array in arrays)
        {
            writer.Write(array.Length);
            WriteValues(writer, array);
        }
    }

    private static void WriteValues(BinaryWriter writer, float[] values)
    {
        RequireLittleEndian();
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    // Values are stored as their in-memory bytes; every platform .NET runs on today is little-endian.
    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Checkpoints are stored little-endian; this machine is big-endian.");
        }
    }
}
