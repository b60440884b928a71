using System.Text;
using KnowRec.Data.Readers;

namespace KnowRec.Knowledge.Loaders;

/// <summary>Reads a tab-separated file line by line, handing each line's fields to a callback; bad lines stop the load or are counted.</summary>
internal static class FieldLines
{
    /// <summary>Calls <paramref name="row"/> with the first <paramref name="fields"/> fields of each non-blank line.</summary>
    /// <param name="path">The file.</param>
    /// <param name="fields">How many tab-separated fields a line must have at least.</param>
    /// <param name="skipHeader">True when the first line is a header (RecBole's <c>head_id:token</c> style).</param>
    /// <param name="options">Lenient or strict.</param>
    /// <param name="row">Receives the fields; returns an error message, or null when the line is good.</param>
    public static void Read(string path, int fields, bool skipHeader, KnowledgeLoadOptions options, Func<string[], string?> row)
    {
        using var lines = new LineReader(path, Encoding.UTF8);
        var parts = new string[fields];
        while (lines.TryReadLine(out var line))
        {
            if (line.IsWhiteSpace() || (skipHeader && lines.LineNumber == 1))
            {
                continue;
            }

            string? error = Split(line, parts) ? row(parts) : $"expected {fields} tab-separated fields";
            if (error is not null)
            {
                Reject(options, lines.FileName, lines.LineNumber, error);
            }
        }
    }

    /// <summary>Stops with file and line, or counts the line as skipped in lenient mode.</summary>
    public static void Reject(KnowledgeLoadOptions options, string file, long line, string error)
    {
        if (!options.Lenient)
        {
            throw new InvalidDataException($"{file}:{line}: {error}.");
        }

        options.Report?.Add("malformed knowledge line", 1, $"{file}:{line}: {error}");
    }

    private static bool Split(ReadOnlySpan<char> line, string[] parts)
    {
        int n = 0;
        foreach (var range in line.Split('\t'))
        {
            if (n == parts.Length)
            {
                break;
            }

            var field = line[range].Trim();
            if (field.IsEmpty)
            {
                return false;
            }

            parts[n++] = field.ToString();
        }

        return n == parts.Length;
    }
}
