using System.Globalization;
using System.Text;
using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;

namespace KnowRec.Features.Import;

/// <summary>Delimited text vectors: <c>id,v1,…,vd</c> per line, optional header (see <see cref="ItemVectorReader"/>).</summary>
internal static class CsvVectorFile
{
    public static VectorRows Read(string path, bool lenient, CleaningReport? report)
    {
        char? fixedSeparator = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ',',
            ".tsv" => '\t',
            _ => null,
        };
        var rows = new List<VectorRow>();
        int skipped = 0;
        bool first = true;
        using var lines = new LineReader(path, Encoding.UTF8);
        while (lines.TryReadLine(out var span))
        {
            if (span.IsWhiteSpace())
            {
                continue;
            }

            string line = span.ToString();
            char separator = fixedSeparator ?? (line.Contains('\t', StringComparison.Ordinal) ? '\t' : line.Contains(',', StringComparison.Ordinal) ? ',' : ' ');
            string[] parts = line.Split(separator, StringSplitOptions.TrimEntries | (separator == ' ' ? StringSplitOptions.RemoveEmptyEntries : StringSplitOptions.None));
            string where = $"{lines.FileName}:{lines.LineNumber}";
            bool header = first && parts.Skip(1).Any(p => !float.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            first = false;
            if (header)
            {
                continue;
            }

            if (Parse(parts, rows.Count > 0 ? rows[0].Values.Length : -1, out var values) is { } error)
            {
                ItemVectorReader.Reject(where, error, lenient, report, ref skipped);
                continue;
            }

            rows.Add(new VectorRow(parts[0], values, where));
        }

        return new VectorRows(rows, skipped);
    }

    private static string? Parse(string[] parts, int dimension, out float[] values)
    {
        values = [];
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            return parts.Length < 2 ? "expected an item id and at least one value" : "empty item id";
        }

        if (dimension >= 0 && parts.Length - 1 != dimension)
        {
            return $"expected {dimension} values as on the first row, found {parts.Length - 1}";
        }

        values = new float[parts.Length - 1];
        for (int k = 1; k < parts.Length; k++)
        {
            if (!float.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k - 1]) || !float.IsFinite(values[k - 1]))
            {
                return $"value {k} '{parts[k]}' is not a finite number";
            }
        }

        return null;
    }
}
