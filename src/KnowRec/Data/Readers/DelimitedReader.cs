using System.Globalization;
using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Reads any delimited UTF-8 file (optionally gzipped) through a <see cref="ColumnMapping"/>.</summary>
/// <remarks>
/// Without a value column every row is an implicit event of value 1. With one, the data is explicit when both
/// <see cref="LoadOptions.RatingMin"/> and <see cref="LoadOptions.RatingMax"/> are set, else implicit (values must be ≥ 0).
/// There is no metadata file, so the catalogue is the ids that keep an interaction.
/// </remarks>
internal static class DelimitedReader
{
    public static void Read(string path, RawDataset raw)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The delimited format reads one file; '{path}' is not a file.");
        }

        var mapping = raw.Options.ColumnMapping ?? new ColumnMapping();
        string delimiter = mapping.Delimiter ?? DefaultDelimiter(path);
        if (raw.Options is { RatingMin: { } min, RatingMax: { } max } && mapping.Value is not null)
        {
            raw.SetExplicit(min, max);
        }

        raw.HasTimestamps = mapping.Timestamp is not null;
        using var record = new RecordReader(path, Encoding.UTF8, delimiter, quoting: true);
        string[] header = [];
        if (mapping.HasHeader && record.TryRead())
        {
            header = new string[record.Count];
            for (int f = 0; f < record.Count; f++)
            {
                header[f] = record[f].Trim().ToString();
            }
        }

        int user = Column(mapping.User, header, nameof(ColumnMapping.User));
        int item = Column(mapping.Item, header, nameof(ColumnMapping.Item));
        int value = mapping.Value is null ? -1 : Column(mapping.Value, header, nameof(ColumnMapping.Value));
        int time = mapping.Timestamp is null ? -1 : Column(mapping.Timestamp, header, nameof(ColumnMapping.Timestamp));
        int needed = Math.Max(Math.Max(user, item), Math.Max(value, time)) + 1;
        while (record.TryRead())
        {
            raw.Report.CountLine();
            if (record.Unterminated)
            {
                raw.Reject(Cleaning.CleaningCauses.MalformedLine, record.FileName, record.LineNumber, "unterminated quoted field");
                continue;
            }

            float v = 1f;
            long t = Interaction.NoTimestamp;
            if (raw.HasFields(record, needed)
                && (value < 0 || raw.TryFloat(record, value, "value", out v))
                && (time < 0 || raw.TryLong(record, time, "timestamp", out t)))
            {
                raw.AddRow(record.FileName, record.LineNumber, record[user].Trim(), record[item].Trim(), v, t);
            }
        }
    }

    private static string DefaultDelimiter(string path)
    {
        string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        string extension = Path.GetExtension(name).ToLowerInvariant();
        return extension is ".tsv" or ".tab" ? "\t" : ",";
    }

    private static int Column(string column, string[] header, string property)
    {
        int named = Array.IndexOf(header, column.Trim());
        if (named >= 0)
        {
            return named;
        }

        if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return index;
        }

        throw new InvalidDataException(
            $"ColumnMapping.{property} '{column}' is neither a header column ({string.Join(", ", header)}) nor a zero-based index.");
    }
}
