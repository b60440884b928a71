using KnowRec.Data;
using KnowRec.Data.Cleaning;

namespace KnowRec.Features.Import;

/// <summary>
/// Reads imported per-item vectors (image, audio or any other embeddings computed elsewhere) into an
/// <see cref="ItemVectors"/> source aligned to a dataset's item indices, named after the file stem
/// (<c>posters.npy</c> → <c>posters</c>).
/// </summary>
/// <remarks>
/// <para>Formats, by extension:</para>
/// <list type="bullet">
/// <item><c>.csv</c> / <c>.tsv</c> / <c>.txt</c>: one item a line, its id then its values, separated by commas (tabs for
/// <c>.tsv</c>; a <c>.txt</c> line is split on whichever of tab, comma or space it holds). A first line whose values are
/// not all numbers is a header and skipped. Blank lines are skipped.</item>
/// <item><c>.npy</c>: a 2-D little-endian float32 (<c>&lt;f4</c>) or float64 (<c>&lt;f8</c>) array, C or Fortran order,
/// one row per item; the item ids, one per line in row order, come from a sidecar file: <c>STEM.ids</c>, else
/// <c>FILE.npy.ids</c>, else <c>ids.txt</c> in the same folder.</item>
/// <item><c>.parquet</c>: an id column (named <c>id</c>, <c>item</c>, <c>item_id</c> or <c>itemId</c>, else the first
/// string or integer column) and either a list column of numbers (the first one) or, without one, every other numeric
/// column in schema order.</item>
/// </list>
/// <para>
/// Ids are matched to items by raw id first, then by <see cref="Dataset.KeyOf"/> (e.g. an item re-keyed to another
/// catalogue); rows that match no item are counted in <see cref="ItemVectorImport.UnknownIds"/>; items without a row are
/// marked absent. Strict by default: a malformed row (wrong number of values, a value that is not a finite number, an
/// empty id) or an id given twice throws <see cref="InvalidDataException"/> naming the file and line (or row); lenient
/// reading skips and counts it as <see cref="CleaningCauses.MalformedLine"/>.
/// </para>
/// </remarks>
public static class ItemVectorReader
{
    /// <summary>Reads the file at <paramref name="path"/> and aligns it to <paramref name="data"/>'s items.</summary>
    /// <param name="path">A <c>.csv</c>, <c>.tsv</c>, <c>.txt</c>, <c>.npy</c> or <c>.parquet</c> file.</param>
    /// <param name="data">The dataset whose items the rows describe.</param>
    /// <param name="lenient">Skip and count malformed rows instead of stopping at the first.</param>
    /// <param name="report">Where skipped rows are counted in lenient mode; null to count nowhere.</param>
    /// <exception cref="FileNotFoundException">No file at the path (or no ids sidecar beside a <c>.npy</c>).</exception>
    /// <exception cref="InvalidDataException">A malformed file or row, with file and line.</exception>
    /// <exception cref="ArgumentException">An extension that is none of the formats.</exception>
    public static ItemVectorImport Read(string path, Dataset data, bool lenient = false, CleaningReport? report = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(data);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No item vector file at '{path}'.", path);
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        var parsed = extension switch
        {
            ".csv" or ".tsv" or ".txt" => CsvVectorFile.Read(path, lenient, report),
            ".npy" => NpyVectorFile.Read(path, lenient, report),
            ".parquet" => ParquetVectorFile.Read(path, lenient, report),
            _ => throw new ArgumentException($"Item vectors must be a .csv, .tsv, .txt, .npy or .parquet file, not '{Path.GetFileName(path)}'.", nameof(path)),
        };
        return Align(Path.GetFileNameWithoutExtension(path), parsed, data, lenient, report);
    }

    private static ItemVectorImport Align(string name, VectorRows parsed, Dataset data, bool lenient, CleaningReport? report)
    {
        var rows = parsed.Rows;
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"Item vector source '{name}' has no rows.");
        }

        int items = data.Items.Count, dimension = rows[0].Values.Length;
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items; i++)
        {
            byKey.TryAdd(data.KeyOf(i), i);
        }

        var values = new float[items * dimension];
        var present = new bool[items];
        int matched = 0, unknown = 0, skipped = parsed.Skipped;
        foreach (var row in rows)
        {
            if (!data.Items.TryGetIndex(row.Id, out int item) && !byKey.TryGetValue(row.Id, out item))
            {
                unknown++;
                continue;
            }

            if (present[item])
            {
                string error = $"{row.Where}: item '{row.Id}' has a vector already";
                if (!lenient)
                {
                    throw new InvalidDataException(error + ".");
                }

                report?.Add(CleaningCauses.MalformedLine, 1, error);
                skipped++;
                continue;
            }

            present[item] = true;
            row.Values.CopyTo(values.AsSpan(item * dimension, dimension));
            matched++;
        }

        var vectors = new ItemVectors(name, new FeatureMatrix(items, dimension, values), present);
        return new ItemVectorImport(vectors, rows.Count, matched, unknown, skipped);
    }

    /// <summary>Handles a malformed row: throws in strict mode, else counts it; returns false so the caller skips it.</summary>
    internal static bool Reject(string where, string error, bool lenient, CleaningReport? report, ref int skipped)
    {
        if (!lenient)
        {
            throw new InvalidDataException($"{where}: {error}.");
        }

        report?.Add(CleaningCauses.MalformedLine, 1, $"{where}: {error}");
        skipped++;
        return false;
    }
}
