using System.Globalization;
using System.Text;

namespace KnowRec.Data.Splits;

/// <summary>Saves a <see cref="DataSplit"/> as <c>train.tsv</c> and <c>test.tsv</c>, readable back by <see cref="SplitReader"/>.</summary>
/// <remarks>
/// Each line is <c>user id TAB item id TAB value TAB timestamp</c>, no header: raw ids, the value in invariant culture
/// with the shortest round-trip float format, and Unix seconds or an empty field when the row has no time. Each file
/// is written to a temporary file in the same directory and renamed over the target, so a reader never sees half a file.
/// </remarks>
public static class SplitWriter
{
    /// <summary>File name of the train part.</summary>
    public const string TrainFileName = "train.tsv";

    /// <summary>File name of the test part.</summary>
    public const string TestFileName = "test.tsv";

    /// <summary>Writes <paramref name="split"/> into <paramref name="directory"/>, creating it when missing and replacing earlier files.</summary>
    /// <exception cref="ArgumentException">A raw id contains a tab or line break, which the format cannot hold.</exception>
    public static void Save(DataSplit split, string directory)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        // Checked before anything is written, so a bad id leaves the directory as it was.
        RequireWritableIds(split);
        Directory.CreateDirectory(directory);
        Write(split.Train, Path.Combine(directory, TrainFileName));
        Write(split.Test, Path.Combine(directory, TestFileName));
    }

    private static void Write(Dataset part, string path)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
            {
                writer.NewLine = "\n";
                Span<char> buffer = stackalloc char[32];
                foreach (var row in part.Interactions)
                {
                    writer.Write(part.Users[row.User]);
                    writer.Write('\t');
                    writer.Write(part.Items[row.Item]);
                    writer.Write('\t');
                    row.Value.TryFormat(buffer, out int written, provider: CultureInfo.InvariantCulture);
                    writer.Write(buffer[..written]);
                    writer.Write('\t');
                    if (row.HasTimestamp)
                    {
                        row.Timestamp.TryFormat(buffer, out written, provider: CultureInfo.InvariantCulture);
                        writer.Write(buffer[..written]);
                    }

                    writer.Write('\n');
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // Leave no stray temporary file behind; the target keeps its previous content.
            File.Delete(temporary);
            throw;
        }
    }

    // A tab or line break inside an id would shift columns or rows on reading, so such an id is refused, not written.
    private static void RequireWritableIds(DataSplit split)
    {
        foreach (var part in (ReadOnlySpan<Dataset>)[split.Train, split.Test])
        {
            foreach (var row in part.Interactions)
            {
                foreach (string id in (ReadOnlySpan<string>)[part.Users[row.User], part.Items[row.Item]])
                {
                    if (id.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
                    {
                        throw new ArgumentException(
                            $"Id '{id.ReplaceLineEndings(" ").Replace('\t', ' ')}' contains a tab or line break and cannot be written to a TSV split.",
                            nameof(split));
                    }
                }
            }
        }
    }
}
