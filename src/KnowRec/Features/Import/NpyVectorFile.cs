using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KnowRec.Data.Cleaning;

namespace KnowRec.Features.Import;

/// <summary>
/// NumPy <c>.npy</c> vectors (format versions 1–3): a 2-D float32 or float64 array, one row per item, and a sidecar
/// file of item ids, one per line in row order (see <see cref="ItemVectorReader"/>).
/// </summary>
internal static partial class NpyVectorFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static VectorRows Read(string path, bool lenient, CleaningReport? report)
    {
        string name = Path.GetFileName(path);
        byte[] bytes = File.ReadAllBytes(path);
        var (descr, fortran, rows, columns, offset) = Header(bytes, name);
        int width = descr[2] == '4' ? 4 : 8;
        if (bytes.Length - offset < (long)rows * columns * width)
        {
            throw new InvalidDataException($"{name}: a {rows} × {columns} array of {descr} needs {(long)rows * columns * width} bytes of data, the file holds {bytes.Length - offset}.");
        }

        var ids = ReadIds(path, rows);
        var result = new List<VectorRow>(rows);
        int skipped = 0;
        for (int r = 0; r < rows; r++)
        {
            var values = new float[columns];
            for (int c = 0; c < columns; c++)
            {
                long element = fortran ? ((long)c * rows) + r : ((long)r * columns) + c;
                var at = bytes.AsSpan((int)(offset + (element * width)), width);
                values[c] = width == 4 ? BinaryPrimitives.ReadSingleLittleEndian(at) : (float)BinaryPrimitives.ReadDoubleLittleEndian(at);
            }

            string where = $"{name} row {r + 1}";
            if (ids[r].Length == 0)
            {
                ItemVectorReader.Reject(where, "empty item id in the ids file", lenient, report, ref skipped);
            }
            else if (Array.FindIndex(values, v => !float.IsFinite(v)) is var bad and >= 0)
            {
                ItemVectorReader.Reject(where, $"value {bad + 1} is {values[bad]}, not a finite float32", lenient, report, ref skipped);
            }
            else
            {
                result.Add(new VectorRow(ids[r], values, where));
            }
        }

        return new VectorRows(result, skipped);
    }

    /// <summary>The sidecar ids file of a <c>.npy</c>: <c>STEM.ids</c>, <c>FILE.npy.ids</c> or <c>ids.txt</c> beside it.</summary>
    public static string IdsFile(string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string[] candidates = [Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".ids"), path + ".ids", Path.Combine(folder, "ids.txt")];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"'{Path.GetFileName(path)}' needs its item ids, one per line in row order, in {string.Join(", ", candidates.Select(Path.GetFileName))} beside it.", candidates[0]);
    }

    private static string[] ReadIds(string path, int rows)
    {
        string file = IdsFile(path);
        var ids = File.ReadAllLines(file, Encoding.UTF8).Select(l => l.Trim()).ToList();
        while (ids.Count > rows && ids[^1].Length == 0)
        {
            ids.RemoveAt(ids.Count - 1);
        }

        if (ids.Count != rows)
        {
            throw new InvalidDataException($"{Path.GetFileName(file)}: {ids.Count} ids for the {rows} rows of {Path.GetFileName(path)}.");
        }

        return [.. ids];
    }

    private static (string Descr, bool Fortran, int Rows, int Columns, int Offset) Header(byte[] bytes, string name)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name}: not a .npy file (no \\x93NUMPY magic).");
        }

        int major = bytes[6];
        int length, start;
        if (major == 1)
        {
            (length, start) = (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2)), 10);
        }
        else if (major is 2 or 3 && bytes.Length >= 12)
        {
            (length, start) = ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8, 4)), 12);
        }
        else
        {
            throw new InvalidDataException($"{name}: .npy format version {major} is not supported (1 to 3 are).");
        }

        if (start + length > bytes.Length)
        {
            throw new InvalidDataException($"{name}: the header runs past the end of the file.");
        }

        string header = Encoding.UTF8.GetString(bytes, start, length);
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InvalidDataException($"{name}: cannot read descr, fortran_order and shape from the header {header.Trim()}.");
        }

        string type = descr.Groups[1].Value;
        if (type is not ("<f4" or "<f8"))
        {
            throw new InvalidDataException($"{name}: dtype '{type}' is not supported; save the array as little-endian float32 ('<f4') or float64 ('<f8').");
        }

        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dims.Length != 2 || !int.TryParse(dims[0], NumberStyles.None, CultureInfo.InvariantCulture, out int rows) || !int.TryParse(dims[1], NumberStyles.None, CultureInfo.InvariantCulture, out int columns) || columns < 1)
        {
            throw new InvalidDataException($"{name}: shape ({shape.Groups[1].Value}) is not a 2-D array with at least one column.");
        }

        return (type, fortran.Groups[1].Value == "True", rows, columns, start + length);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
