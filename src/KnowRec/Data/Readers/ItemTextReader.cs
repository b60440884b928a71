using System.Globalization;
using System.Text;
using KnowRec.Data.Cleaning;

namespace KnowRec.Data.Readers;

/// <summary>Reads item text files: the MeLU MovieLens-1M file <c>movies_extrainfos.dat</c> (plots, cast and crew).</summary>
/// <remarks>
/// Lee et al., MeLU (KDD 2019) data release: UTF-8, CRLF, one movie per line, 11 <c>::</c>-separated fields
/// <c>movie_id::title::year::rate::released::genre::director::writer::actors::plot::poster_url</c>. The path is that
/// file or a folder holding it. Strict by default: a line without 11 fields, or with an empty id or title, throws
/// <see cref="InvalidDataException"/> with <c>FILE:LINE</c>; lenient reading skips it and counts it as
/// <see cref="CleaningCauses.MalformedLine"/>. A year that is not a number (<c>N/A</c>) leaves <see cref="ItemText.Year"/> null.
/// </remarks>
public static class ItemTextReader
{
    /// <summary>The MeLU file name looked for in a folder.</summary>
    public const string MeluFile = "movies_extrainfos.dat";

    private static readonly string[] FieldNames = ["rated", "released", "genre", "director", "writer", "actors", "plot", "poster"];

    /// <summary>Reads every row of the file at <paramref name="path"/> (a file, or a folder holding <see cref="MeluFile"/>).</summary>
    /// <param name="path">The file or its folder.</param>
    /// <param name="lenient">Skip and count malformed lines instead of stopping at the first.</param>
    /// <param name="report">Where skipped lines are counted in lenient mode; null to count nowhere.</param>
    /// <exception cref="FileNotFoundException">No text file is at the path.</exception>
    /// <exception cref="InvalidDataException">A malformed line in strict mode, with file and line.</exception>
    public static IReadOnlyList<ItemText> Read(string path, bool lenient = false, CleaningReport? report = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string file = Directory.Exists(path) ? Path.Combine(path, MeluFile) : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No item text file at '{file}' (expected {MeluFile}).", file);
        }

        var rows = new List<ItemText>();
        using var lines = new LineReader(file, Encoding.UTF8);
        while (lines.TryReadLine(out var line))
        {
            if (line.IsWhiteSpace())
            {
                continue;
            }

            string? error = TryParse(line.ToString(), out var row);
            if (error is null)
            {
                rows.Add(row!);
            }
            else if (!lenient)
            {
                throw new InvalidDataException($"{lines.FileName}:{lines.LineNumber}: {error}.");
            }
            else
            {
                report?.Add(CleaningCauses.MalformedLine, 1, $"{lines.FileName}:{lines.LineNumber}: {error}");
            }
        }

        return rows;
    }

    private static string? TryParse(string line, out ItemText? row)
    {
        row = null;
        string[] parts = line.Split("::");
        if (parts.Length != 11)
        {
            return $"expected 11 '::'-separated fields, found {parts.Length}";
        }

        string key = parts[0].Trim();
        string title = parts[1].Trim();
        if (key.Length == 0 || title.Length == 0)
        {
            return key.Length == 0 ? "empty movie id" : "empty title";
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int f = 0; f < FieldNames.Length; f++)
        {
            string value = parts[3 + f].Trim();
            if (value.Length > 0 && !value.Equals("N/A", StringComparison.OrdinalIgnoreCase))
            {
                fields[FieldNames[f]] = value;
            }
        }

        row = new ItemText(key, title, YearOf(parts[2]), fields);
        return null;
    }

    // "1995", or a range such as "1995–1996": the first four digits.
    private static int? YearOf(string text)
    {
        text = text.Trim();
        return text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) ? year : null;
    }
}
