namespace KnowRec.Data.Readers;

/// <summary>The format names <see cref="DatasetLoader"/> understands, and detection of a format from a path.</summary>
public static class DatasetFormats
{
    /// <summary>MovieLens 100K: <c>u.data</c>, <c>u.item</c>, <c>u.user</c>, <c>u.genre</c>.</summary>
    public const string MovieLens100K = "ml-100k";

    /// <summary>MovieLens 1M: <c>ratings.dat</c> (or <c>.gz</c>), <c>movies.dat</c>, <c>users.dat</c>.</summary>
    public const string MovieLens1M = "ml-1m";

    /// <summary>MovieLens latest (e.g. ml-latest-small): <c>ratings.csv</c>, <c>movies.csv</c>, <c>tags.csv</c>, <c>links.csv</c>.</summary>
    public const string MovieLensLatest = "ml-latest";

    /// <summary>Fixed-split implicit pairs: <c>train.txt</c> and <c>test.txt</c>, lines <c>user item item …</c>.</summary>
    public const string Pairs = "pairs";

    /// <summary>HetRec 2011 Last.FM 2k: <c>user_artists.dat</c>, <c>artists.dat</c>, tags.</summary>
    public const string HetrecLastfm = "hetrec-lastfm";

    /// <summary>Amazon review JSON lines (one review object per line).</summary>
    public const string AmazonJson = "amazon-json";

    /// <summary>Any delimited file read through a <see cref="ColumnMapping"/>.</summary>
    public const string Delimited = "delimited";

    /// <summary>Every format name, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [MovieLens100K, MovieLens1M, MovieLensLatest, Pairs, HetrecLastfm, AmazonJson, Delimited];

    /// <summary>Names the format of a folder or file from the files it holds.</summary>
    /// <remarks>
    /// Folder rules, first match wins: <c>u.data</c> → ml-100k; <c>ratings.dat[.gz]</c> → ml-1m;
    /// <c>ratings.csv</c> → ml-latest; <c>train.txt</c> + <c>test.txt</c> → pairs; <c>user_artists.dat</c> → hetrec-lastfm;
    /// a <c>.json</c>/<c>.jsonl</c> file → amazon-json; <c>movies.dat</c> alone → ml-1m (whose reader then fails clearly). A file: <c>ratings.dat[.gz]</c> → ml-1m, <c>.json</c>/<c>.jsonl</c>
    /// (optionally <c>.gz</c>) → amazon-json, anything else → delimited.
    /// </remarks>
    /// <exception cref="InvalidDataException">A folder matches no rule.</exception>
    public static string Detect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            string name = Path.GetFileName(path).ToLowerInvariant();
            return name switch
            {
                "ratings.dat" or "ratings.dat.gz" => MovieLens1M,
                _ when name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal)
                    || name.EndsWith(".json.gz", StringComparison.Ordinal) || name.EndsWith(".jsonl.gz", StringComparison.Ordinal) => AmazonJson,
                _ => Delimited,
            };
        }

        bool Has(string file) => File.Exists(Path.Combine(path, file));
        if (Has("u.data"))
        {
            return MovieLens100K;
        }

        if (Has("ratings.dat") || Has("ratings.dat.gz"))
        {
            return MovieLens1M;
        }

        if (Has("ratings.csv"))
        {
            return MovieLensLatest;
        }

        if (Has("train.txt") && Has("test.txt"))
        {
            return Pairs;
        }

        if (Has("user_artists.dat"))
        {
            return HetrecLastfm;
        }

        if (Directory.Exists(path) && Directory.EnumerateFiles(path).Any(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)))
        {
            return AmazonJson;
        }

        // Metadata without ratings still names ml-1m, so the reader can say which subfolders hold the interactions.
        if (Has("movies.dat"))
        {
            return MovieLens1M;
        }

        string files = Directory.Exists(path) ? string.Join(", ", Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).Order(StringComparer.Ordinal)) : "(not a folder)";
        throw new InvalidDataException(
            $"Cannot tell the format of '{path}' (holds: {files}). Set LoadOptions.Format to one of: {string.Join(", ", All)}.");
    }
}
