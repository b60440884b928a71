using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Reads MovieLens 100K: <c>u.data</c> ratings, <c>u.item</c> movies (ISO-8859-1), <c>u.user</c>, <c>u.genre</c>.</summary>
/// <remarks>
/// Explicit ratings on 1..5 with timestamps. When <c>u.item</c> (<c>u.user</c>) exists it fixes the item (user)
/// catalogue, so a rating of an unlisted movie is an <c>unknown-item</c> line. Item attributes: <c>release-date</c>,
/// <c>video-release-date</c>, <c>imdb-url</c>; user attributes: <c>age</c>, <c>gender</c>, <c>occupation</c>, <c>zip</c>.
/// </remarks>
internal static class MovieLens100kReader
{
    private const int GenreFlags = 19;

    public static void Read(string folder, RawDataset raw)
    {
        string[] genres = ReadGenres(Path.Combine(folder, "u.genre"));
        string items = Path.Combine(folder, "u.item");
        if (File.Exists(items))
        {
            ReadItems(items, genres, raw);
            raw.FixItemCatalogue("u.item");
        }

        string users = Path.Combine(folder, "u.user");
        if (File.Exists(users))
        {
            ReadUsers(users, raw);
            raw.FixUserCatalogue("u.user");
        }

        raw.SetExplicit(1, 5);
        raw.HasTimestamps = true;
        using var record = new RecordReader(Path.Combine(folder, "u.data"), Encoding.UTF8, "\t");
        while (record.TryRead())
        {
            raw.Report.CountLine();
            if (raw.HasFields(record, 4)
                && raw.TryFloat(record, 2, "rating", out float rating)
                && raw.TryLong(record, 3, "timestamp", out long timestamp))
            {
                raw.AddRow(record.FileName, record.LineNumber, record[0], record[1], rating, timestamp);
            }
        }
    }

    private static string[] ReadGenres(string path)
    {
        var names = new string[GenreFlags];
        for (int g = 0; g < GenreFlags; g++)
        {
            names[g] = $"genre-{g}";
        }

        if (!File.Exists(path))
        {
            return names;
        }

        using var record = new RecordReader(path, Encoding.Latin1, "|");
        while (record.TryRead())
        {
            if (record.Count >= 2 && int.TryParse(record[1], out int index) && (uint)index < GenreFlags)
            {
                names[index] = record[0].ToString();
            }
        }

        return names;
    }

    private static void ReadItems(string path, string[] genreNames, RawDataset raw)
    {
        using var record = new RecordReader(path, Encoding.Latin1, "|");
        while (record.TryRead())
        {
            if (!raw.HasFields(record, 5 + GenreFlags))
            {
                continue;
            }

            var genres = new List<string>();
            for (int g = 0; g < GenreFlags; g++)
            {
                if (record[5 + g].Trim().SequenceEqual("1"))
                {
                    genres.Add(genreNames[g]);
                }
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            AttributeMaps.Put(attributes, "release-date", record[2]);
            AttributeMaps.Put(attributes, "video-release-date", record[3]);
            AttributeMaps.Put(attributes, "imdb-url", record[4]);
            int item = raw.Items.GetOrAdd(record[0].Trim());
            raw.SetItemMetadata(item, new ItemMetadata
            {
                Title = record[1].ToString(),
                Year = MovieLensText.YearOfDate(record[2]),
                Genres = genres,
                Attributes = attributes,
            });
        }
    }

    private static void ReadUsers(string path, RawDataset raw)
    {
        using var record = new RecordReader(path, Encoding.Latin1, "|");
        while (record.TryRead())
        {
            if (!raw.HasFields(record, 5))
            {
                continue;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            AttributeMaps.Put(attributes, "age", record[1]);
            AttributeMaps.Put(attributes, "gender", record[2]);
            AttributeMaps.Put(attributes, "occupation", record[3]);
            AttributeMaps.Put(attributes, "zip", record[4]);
            raw.SetUserAttributes(raw.Users.GetOrAdd(record[0].Trim()), attributes);
        }
    }
}
