using System.Text;
using KnowRec.Data.Cleaning;

namespace KnowRec.Data.Readers;

/// <summary>Reads Amazon review JSON lines (McAuley et al.): <c>reviewerID</c>, <c>asin</c>, <c>overall</c>, <c>unixReviewTime</c>, text.</summary>
/// <remarks>
/// Explicit 1..5 with timestamps (a missing <c>unixReviewTime</c> is allowed and leaves the row undated). Each item's
/// <see cref="ItemMetadata.Text"/> is its reviews' <c>summary</c> and <c>reviewText</c> in file order, capped at
/// <see cref="MaxItemTextLength"/> characters so popular items do not dominate memory. There is no catalogue file.
/// The path is the JSON file or a folder holding one <c>.json</c>/<c>.jsonl</c> file (optionally gzipped).
/// </remarks>
internal static class AmazonJsonReader
{
    /// <summary>Upper bound on the aggregated review text kept per item.</summary>
    public const int MaxItemTextLength = 4000;

    public static void Read(string path, RawDataset raw)
    {
        string file = File.Exists(path) ? path : SingleJsonFile(path);
        raw.SetExplicit(1, 5);
        var texts = new Dictionary<int, StringBuilder>();
        bool allDated = true;
        byte[] bytes = new byte[1 << 16];
        using var lines = new LineReader(file, Encoding.UTF8);
        while (lines.TryReadLine(out var line))
        {
            if (line.IsWhiteSpace())
            {
                continue;
            }

            raw.Report.CountLine();
            int needed = Encoding.UTF8.GetMaxByteCount(line.Length);
            if (needed > bytes.Length)
            {
                bytes = new byte[needed];
            }

            int length = Encoding.UTF8.GetBytes(line, bytes);
            if (!AmazonReview.TryParse(bytes.AsSpan(0, length), out var review, out string? problem))
            {
                string cause = problem!.StartsWith("missing", StringComparison.Ordinal) ? CleaningCauses.MissingField
                    : problem.StartsWith("non-numeric", StringComparison.Ordinal) ? CleaningCauses.NonNumericValue
                    : CleaningCauses.MalformedLine;
                raw.Reject(cause, lines.FileName, lines.LineNumber, problem);
                continue;
            }

            allDated &= review.Timestamp != Interaction.NoTimestamp;
            if (raw.AddRow(lines.FileName, lines.LineNumber, review.User, review.Item, review.Rating, review.Timestamp))
            {
                AppendText(texts, raw.Rows[^1].Item, review.Summary, review.Text);
            }
        }

        raw.HasTimestamps = allDated && raw.Rows.Count > 0;
        foreach (var (item, text) in texts)
        {
            raw.SetItemMetadata(item, new ItemMetadata { Text = text.ToString() });
        }
    }

    private static void AppendText(Dictionary<int, StringBuilder> texts, int item, string? summary, string? text)
    {
        var builder = texts.TryGetValue(item, out var found) ? found : texts[item] = new StringBuilder();
        foreach (string? part in (string?[])[summary, text])
        {
            int room = MaxItemTextLength - builder.Length - 1;
            if (string.IsNullOrWhiteSpace(part) || room <= 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(part.AsSpan(0, Math.Min(part.Length, room)));
        }
    }

    private static string SingleJsonFile(string folder)
    {
        string[] candidates = [.. Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
        return candidates.Length == 1
            ? candidates[0]
            : throw new InvalidDataException($"'{folder}' must hold exactly one JSON lines file, found {candidates.Length}; pass the file itself.");
    }
}
