using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Reads MovieLens "latest" folders (e.g. ml-latest-small): UTF-8 CSV files with a header row and RFC 4180 quoting.</summary>
/// <remarks>
/// <c>ratings.csv</c> (explicit, 0.5..5 stars, timestamps); <c>movies.csv</c> fixes the item catalogue (titles, year,
/// genres); <c>tags.csv</c> becomes the item's free text (distinct tags in file order, joined by <c>", "</c>) and its
/// <c>tags</c> attribute; <c>links.csv</c> adds <c>imdbId</c>/<c>tmdbId</c> attributes. There is no user metadata file.
/// </remarks>
internal static class MovieLensLatestReader
{
    public static void Read(string folder, RawDataset raw)
    {
        string movies = Path.Combine(folder, "movies.csv");
        if (File.Exists(movies))
        {
            ReadMovies(movies, Tags(Path.Combine(folder, "tags.csv"), raw), Links(Path.Combine(folder, "links.csv"), raw), raw);
            raw.FixItemCatalogue("movies.csv");
        }

        raw.SetExplicit(0.5f, 5f);
        raw.HasTimestamps = true;
        using var record = Open(Path.Combine(folder, "ratings.csv"));
        while (record.TryRead())
        {
            raw.Report.CountLine();
            if (Valid(record, 4, raw)
                && raw.TryFloat(record, 2, "rating", out float rating)
                && raw.TryLong(record, 3, "timestamp", out long timestamp))
            {
                raw.AddRow(record.FileName, record.LineNumber, record[0], record[1], rating, timestamp);
            }
        }
    }

    private static void ReadMovies(string path, Dictionary<string, List<string>> tags, Dictionary<string, Dictionary<string, string>> links, RawDataset raw)
    {
        using var record = Open(path);
        while (record.TryRead())
        {
            if (!Valid(record, 3, raw))
            {
                continue;
            }

            string id = record[0].Trim().ToString();
            string title = record[1].Trim().ToString();
            var attributes = links.GetValueOrDefault(id) ?? new Dictionary<string, string>(StringComparer.Ordinal);
            string? text = null;
            if (tags.TryGetValue(id, out var itemTags))
            {
                text = string.Join(", ", itemTags);
                attributes["tags"] = text;
            }

            raw.SetItemMetadata(raw.Items.GetOrAdd(id), new ItemMetadata
            {
                Title = title,
                Year = MovieLensText.YearOfTitle(title),
                Genres = MovieLensText.Genres(record[2]),
                Text = text,
                Attributes = attributes,
            });
        }
    }

    private static Dictionary<string, List<string>> Tags(string path, RawDataset raw)
    {
        var tags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return tags;
        }

        using var record = Open(path);
        while (record.TryRead())
        {
            if (Valid(record, 3, raw) && !record[2].IsWhiteSpace())
            {
                string id = record[1].Trim().ToString();
                string tag = record[2].Trim().ToString();
                var list = tags.TryGetValue(id, out var found) ? found : tags[id] = [];
                if (!list.Contains(tag, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(tag);
                }
            }
        }

        return tags;
    }

    private static Dictionary<string, Dictionary<string, string>> Links(string path, RawDataset raw)
    {
        var links = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return links;
        }

        using var record = Open(path);
        while (record.TryRead())
        {
            if (Valid(record, 3, raw))
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                AttributeMaps.Put(attributes, "imdbId", record[1]);
                AttributeMaps.Put(attributes, "tmdbId", record[2]);
                links[record[0].Trim().ToString()] = attributes;
            }
        }

        return links;
    }

    // Opens a CSV file and skips its header row.
    private static RecordReader Open(string path)
    {
        var record = new RecordReader(path, Encoding.UTF8, ",", quoting: true);
        record.TryRead();
        return record;
    }

    private static bool Valid(RecordReader record, int fields, RawDataset raw) =>
        record.Unterminated
            ? raw.Reject(Cleaning.CleaningCauses.MalformedLine, record.FileName, record.LineNumber, "unterminated quoted field")
            : raw.HasFields(record, fields);
}
