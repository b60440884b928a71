using System.Globalization;
using KnowRec.Data.Cleaning;
using Parquet.Serialization;

namespace KnowRec.Features.Import;

/// <summary>Parquet vectors: an id column and a list column of numbers, or numeric columns (see <see cref="ItemVectorReader"/>).</summary>
internal static class ParquetVectorFile
{
    private static readonly string[] IdNames = ["id", "item", "item_id", "itemId"];

    public static VectorRows Read(string path, bool lenient, CleaningReport? report)
    {
        string name = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        var result = Task.Run(() => ParquetSerializer.DeserializeUntypedAsync(stream)).GetAwaiter().GetResult();
        var columns = result.Schema.Fields.Select(f => f.Name).ToList();
        var data = result.Data;
        if (data.Count == 0)
        {
            return new VectorRows([], 0);
        }

        var sample = data[0];
        string id = columns.FirstOrDefault(c => IdNames.Contains(c, StringComparer.OrdinalIgnoreCase))
            ?? columns.FirstOrDefault(c => sample.GetValueOrDefault(c) is string or int or long or short or uint or ulong)
            ?? throw new InvalidDataException($"{name}: no id column (named {string.Join(", ", IdNames)}, or of string or integer type) among {string.Join(", ", columns)}.");
        string? list = columns.FirstOrDefault(c => c != id && sample.GetValueOrDefault(c) is System.Collections.IList);
        var numeric = list is null ? columns.Where(c => c != id && IsNumber(sample.GetValueOrDefault(c))).ToList() : [];
        if (list is null && numeric.Count == 0)
        {
            throw new InvalidDataException($"{name}: besides id column '{id}' there is neither a list column nor a numeric column to read vectors from.");
        }

        var rows = new List<VectorRow>(data.Count);
        int skipped = 0;
        for (int r = 0; r < data.Count; r++)
        {
            string where = $"{name} row {r + 1}";
            var row = data[r];
            string? key = Convert.ToString(row.GetValueOrDefault(id), CultureInfo.InvariantCulture)?.Trim();
            object?[] raw = list is null
                ? [.. numeric.Select(c => row.GetValueOrDefault(c))]
                : row.GetValueOrDefault(list) is System.Collections.IList values ? [.. values.Cast<object?>()] : [];
            float[] vector = [];
            var error = string.IsNullOrEmpty(key) ? "empty item id" : Values(raw, rows.Count > 0 ? rows[0].Values.Length : -1, out vector);
            if (error is not null)
            {
                ItemVectorReader.Reject(where, error, lenient, report, ref skipped);
                continue;
            }

            rows.Add(new VectorRow(key!, vector, where));
        }

        return new VectorRows(rows, skipped);
    }

    private static string? Values(object?[] raw, int dimension, out float[] vector)
    {
        vector = [];
        if (raw.Length == 0)
        {
            return "no values";
        }

        if (dimension >= 0 && raw.Length != dimension)
        {
            return $"expected {dimension} values as on the first row, found {raw.Length}";
        }

        vector = new float[raw.Length];
        for (int k = 0; k < raw.Length; k++)
        {
            if (!IsNumber(raw[k]) || !float.IsFinite(vector[k] = Convert.ToSingle(raw[k], CultureInfo.InvariantCulture)))
            {
                return $"value {k + 1} '{raw[k]}' is not a finite number";
            }
        }

        return null;
    }

    private static bool IsNumber(object? value) => value is float or double or int or long or short or decimal or byte or sbyte or uint or ulong or ushort;
}
