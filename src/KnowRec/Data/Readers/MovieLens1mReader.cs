using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Reads MovieLens 1M: <c>ratings.dat</c> or <c>ratings.dat.gz</c> (<c>::</c>), <c>movies.dat</c> (ISO-8859-1), <c>users.dat</c>.</summary>
/// <remarks>
/// The path is a folder holding <c>ratings.dat[.gz]</c>, or that file itself. <c>movies.dat</c>/<c>users.dat</c> are taken
/// from the ratings folder, else from its parent, so a subfolder holding only a partial <c>ratings.dat.gz</c> loads
/// with the full metadata — but only when the caller points at that subfolder (or file): a folder with metadata and no
/// ratings fails with a message naming the subfolders that do hold interactions, because silently loading a partial
/// file would look like the whole dataset. Explicit 1..5 with timestamps; the metadata files fix the catalogues.
/// User attributes: <c>gender</c>, <c>age</c> and <c>occupation</c> (codes, see the dataset README), <c>zip</c>.
/// </remarks>
internal static class MovieLens1mReader
{
    public static void Read(string path, RawDataset raw)
    {
        string ratings = FindRatings(path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(ratings))!;
        if (FindMetadata(folder, "movies.dat") is { } movies)
        {
            foreach (var (id, metadata) in ReadMovies(movies, raw))
            {
                raw.SetItemMetadata(raw.Items.GetOrAdd(id), metadata);
            }

            raw.FixItemCatalogue("movies.dat");
        }

        if (FindMetadata(folder, "users.dat") is { } users)
        {
            foreach (var (id, attributes) in ReadUsers(users, raw))
            {
                raw.SetUserAttributes(raw.Users.GetOrAdd(id), attributes);
            }

            raw.FixUserCatalogue("users.dat");
        }

        raw.SetExplicit(1, 5);
        raw.HasTimestamps = true;
        using var record = new RecordReader(ratings, Encoding.UTF8, "::");
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

    /// <summary>Reads <c>movies.dat</c>: title with year, <c>|</c>-separated genres.</summary>
    public static List<(string Id, ItemMetadata Metadata)> ReadMovies(string path, RawDataset raw)
    {
        var movies = new List<(string, ItemMetadata)>();
        using var record = new RecordReader(path, Encoding.Latin1, "::");
        while (record.TryRead())
        {
            if (raw.HasFields(record, 3))
            {
                string title = record[1].ToString();
                movies.Add((record[0].Trim().ToString(), new ItemMetadata
                {
                    Title = title,
                    Year = MovieLensText.YearOfTitle(title),
                    Genres = MovieLensText.Genres(record[2]),
                }));
            }
        }

        return movies;
    }

    /// <summary>Reads <c>users.dat</c>: <c>UserID::Gender::Age::Occupation::Zip-code</c>.</summary>
    public static List<(string Id, Dictionary<string, string> Attributes)> ReadUsers(string path, RawDataset raw)
    {
        var users = new List<(string, Dictionary<string, string>)>();
        using var record = new RecordReader(path, Encoding.Latin1, "::");
        while (record.TryRead())
        {
            if (raw.HasFields(record, 5))
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                AttributeMaps.Put(attributes, "gender", record[1]);
                AttributeMaps.Put(attributes, "age", record[2]);
                AttributeMaps.Put(attributes, "occupation", record[3]);
                AttributeMaps.Put(attributes, "zip", record[4]);
                users.Add((record[0].Trim().ToString(), attributes));
            }
        }

        return users;
    }

    /// <summary>The metadata file in the ratings folder, else in its parent, else null.</summary>
    public static string? FindMetadata(string folder, string file)
    {
        string here = Path.Combine(folder, file);
        if (File.Exists(here))
        {
            return here;
        }

        string? parent = Path.GetDirectoryName(folder);
        return parent is not null && File.Exists(Path.Combine(parent, file)) ? Path.Combine(parent, file) : null;
    }

    private static string FindRatings(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        foreach (string name in (string[])["ratings.dat", "ratings.dat.gz"])
        {
            if (File.Exists(Path.Combine(path, name)))
            {
                return Path.Combine(path, name);
            }
        }

        var candidates = Directory.Exists(path)
            ? Directory.EnumerateDirectories(path)
                .Where(d => File.Exists(Path.Combine(d, "ratings.dat")) || File.Exists(Path.Combine(d, "ratings.dat.gz"))
                    || (File.Exists(Path.Combine(d, "train.txt")) && File.Exists(Path.Combine(d, "test.txt"))))
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        string hint = candidates.Count == 0
            ? string.Empty
            : $" Subfolders holding interactions (load one of them explicitly): {string.Join(", ", candidates)}.";
        throw new InvalidDataException(
            $"'{path}' holds MovieLens 1M metadata but no ratings.dat or ratings.dat.gz.{hint}");
    }
}
