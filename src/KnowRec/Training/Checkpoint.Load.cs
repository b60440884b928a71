using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;

namespace KnowRec.Training;

/// <content>Reading a checkpoint back: verify the whole file, check it fits the model, then copy.</content>
public static partial class Checkpoint
{
    /// <summary>Restores <paramref name="parameters"/>, <paramref name="optimizer"/> and <paramref name="earlyStopping"/> from <paramref name="path"/>.</summary>
    /// <param name="path">A file written by <see cref="Save"/>.</param>
    /// <param name="parameters">The model's parameters, in the order they were saved, with the same shapes.</param>
    /// <param name="optimizer">An optimiser of the saved type over the same parameters; its state, step count and learning rate are overwritten.</param>
    /// <param name="earlyStopping">Restored when given and the file holds early-stopping state; otherwise left as it is.</param>
    /// <returns>The number of completed epochs saved: training resumes at that zero-based epoch.</returns>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a checkpoint, has another format version, is truncated or altered (checksum), or does not fit the
    /// model (parameter count or shape, optimiser type or state). Nothing is changed then.
    /// </exception>
    public static int Load(string path, IReadOnlyList<Tensor> parameters, Optimizer optimizer, EarlyStopping? earlyStopping = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        RequireLittleEndian();
        byte[] bytes = File.ReadAllBytes(path);
        string name = Path.GetFileName(path);
        if (bytes.Length < Magic.Length + HashLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{name}' is not a KnowRec checkpoint (bad magic).");
        }

        int payload = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, payload)).AsSpan().SequenceEqual(bytes.AsSpan(payload)))
        {
            throw new InvalidDataException($"Checkpoint '{name}' is truncated or damaged (checksum mismatch).");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, payload - Magic.Length, writable: false), Encoding.UTF8);
        try
        {
            return Read(reader, name, parameters, optimizer, earlyStopping);
        }
        catch (EndOfStreamException error)
        {
            throw new InvalidDataException($"Checkpoint '{name}' ends early.", error);
        }
    }

    // Reads every value into fresh arrays and checks them against the targets; copies only when all of it fits.
    private static int Read(BinaryReader reader, string name, IReadOnlyList<Tensor> parameters, Optimizer optimizer, EarlyStopping? earlyStopping)
    {
        int version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Checkpoint '{name}' has format version {version}; this build reads version {FormatVersion}.");
        }

        int epoch = reader.ReadInt32();
        string kind = reader.ReadString();
        long steps = reader.ReadInt64();
        float learningRate = reader.ReadSingle();
        if (epoch < 0 || steps < 0 || !(learningRate > 0f) || float.IsInfinity(learningRate))
        {
            throw new InvalidDataException($"Checkpoint '{name}' holds an impossible epoch ({epoch}), step count ({steps}) or learning rate ({learningRate}).");
        }

        if (kind != optimizer.GetType().Name)
        {
            throw new InvalidDataException($"Checkpoint '{name}' holds {kind} state but the optimiser is {optimizer.GetType().Name}.");
        }

        int count = reader.ReadInt32();
        if (count != parameters.Count)
        {
            throw new InvalidDataException($"Checkpoint '{name}' holds {count} parameters but the model has {parameters.Count}.");
        }

        var values = new float[count][];
        for (int p = 0; p < count; p++)
        {
            var parameter = parameters[p];
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            int rank = reader.ReadInt32();
            if (rank is < 1 or > 4)
            {
                throw new InvalidDataException($"Checkpoint '{name}' gives parameter {p} rank {rank}.");
            }

            var shape = new int[rank];
            for (int d = 0; d < rank; d++)
            {
                shape[d] = reader.ReadInt32();
            }

            if (!shape.AsSpan().SequenceEqual(parameter.Shape))
            {
                throw new InvalidDataException(
                    $"Checkpoint '{name}' holds parameter {p} of shape [{string.Join(", ", shape)}] but the model's is [{string.Join(", ", parameter.Shape.ToArray())}]; "
                    + "was it saved with other options or data?");
            }

            values[p] = ReadValues(reader, parameter.Length);
        }

        var state = ReadArrays(reader, name, "optimiser state", optimizer.State);
        float[][]? snapshot = null;
        (double Metric, int Epoch, int Without) best = default;
        if (reader.ReadBoolean())
        {
            best = (reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
            if (earlyStopping is not null)
            {
                snapshot = ReadArrays(reader, name, "early-stopping snapshot", earlyStopping.Snapshot);
            }
        }

        // Everything fits: now, and only now, overwrite the caller's arrays.
        for (int p = 0; p < count; p++)
        {
            values[p].CopyTo(parameters[p].Data, 0);
        }

        for (int s = 0; s < state.Length; s++)
        {
            state[s].CopyTo(optimizer.State[s], 0);
        }

        optimizer.RestoreSteps(steps);
        optimizer.LearningRate = learningRate;
        if (snapshot is not null)
        {
            for (int s = 0; s < snapshot.Length; s++)
            {
                snapshot[s].CopyTo(earlyStopping!.Snapshot[s], 0);
            }

            earlyStopping!.Restore(best.Metric, best.Epoch, best.Without);
        }

        return epoch;
    }

    private static float[][] ReadArrays(BinaryReader reader, string name, string what, IReadOnlyList<float[]> targets)
    {
        int count = reader.ReadInt32();
        if (count != targets.Count)
        {
            throw new InvalidDataException($"Checkpoint '{name}' holds {count} {what} arrays but {targets.Count} are expected.");
        }

        var arrays = new float[count][];
        for (int i = 0; i < count; i++)
        {
            int length = reader.ReadInt32();
            if (length != targets[i].Length)
            {
                throw new InvalidDataException($"Checkpoint '{name}' holds {what} array {i} of length {length} but {targets[i].Length} is expected.");
            }

            arrays[i] = ReadValues(reader, length);
        }

        return arrays;
    }

    private static float[] ReadValues(BinaryReader reader, int length)
    {
        var values = new float[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
