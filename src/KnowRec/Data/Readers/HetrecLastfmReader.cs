using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Reads HetRec 2011 Last.FM 2k: <c>user_artists.dat</c> play counts, <c>artists.dat</c> names, tags.</summary>
/// <remarks>
/// Tab-separated files with a header row; CRLF endings are handled. Implicit data whose values are play counts.
/// <c>artists.dat</c> (UTF-8) fixes the item catalogue: title = name, attributes <c>url</c>, <c>pictureURL</c>. When
/// <c>user_taggedartists.dat</c> and <c>tags.dat</c> (ISO-8859-1) exist, an artist's genres are its
/// <see cref="MaxGenres"/> most-applied tags (ties by first use). A folder with only <c>user_artists.dat</c> (as in the
/// KG variant of this dataset) loads with the catalogue taken from the interactions.
/// </remarks>
internal static class HetrecLastfmReader
{
    /// <summary>How many of an artist's most-applied tags become its genres.</summary>
    public const int MaxGenres = 10;

    public static void Read(string folder, RawDataset raw)
    {
        string artists = Path.Combine(folder, "artists.dat");
        if (File.Exists(artists))
        {
            var genres = TopTags(folder, raw);
            using var record = OpenWithHeader(artists, Encoding.UTF8);
            while (record.TryRead())
            {
                if (!raw.HasFields(record, 2))
                {
                    continue;
                }

                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                if (record.Count >= 4)
                {
                    AttributeMaps.Put(attributes, "url", record[2]);
                    AttributeMaps.Put(attributes, "pictureURL", record[3]);
                }

                string id = record[0].Trim().ToString();
                raw.SetItemMetadata(raw.Items.GetOrAdd(id), new ItemMetadata
                {
                    Title = record[1].ToString(),
                    Genres = genres.GetValueOrDefault(id) ?? [],
                    Attributes = attributes,
                });
            }

            raw.FixItemCatalogue("artists.dat");
        }

        using var plays = OpenWithHeader(Path.Combine(folder, "user_artists.dat"), Encoding.UTF8);
        while (plays.TryRead())
        {
            raw.Report.CountLine();
            if (raw.HasFields(plays, 3) && raw.TryFloat(plays, 2, "weight", out float weight))
            {
                raw.AddRow(plays.FileName, plays.LineNumber, plays[0].Trim(), plays[1].Trim(), weight, Interaction.NoTimestamp);
            }
        }
    }

    // Tag files are side information: a bad line there is skipped rather than failing the whole load.
    private static Dictionary<string, string[]> TopTags(string folder, RawDataset raw)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string tagsPath = Path.Combine(folder, "tags.dat");
        string assignedPath = Path.Combine(folder, "user_taggedartists.dat");
        if (!File.Exists(tagsPath) || !File.Exists(assignedPath))
        {
            return result;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var tags = OpenWithHeader(tagsPath, Encoding.Latin1))
        {
            while (tags.TryRead())
            {
                if (tags.Count >= 2)
                {
                    names[tags[0].Trim().ToString()] = tags[1].Trim().ToString();
                }
            }
        }

        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        using (var assigned = OpenWithHeader(assignedPath, Encoding.UTF8))
        {
            while (assigned.TryRead())
            {
                if (assigned.Count >= 3 && names.TryGetValue(assigned[2].Trim().ToString(), out string? tag))
                {
                    string artist = assigned[1].Trim().ToString();
                    var perArtist = counts.TryGetValue(artist, out var found) ? found : counts[artist] = new(StringComparer.Ordinal);
                    perArtist[tag] = perArtist.GetValueOrDefault(tag) + 1;
                }
            }
        }

        foreach (var (artist, perArtist) in counts)
        {
            // OrderByDescending is stable, so equal counts keep first-use order (Dictionary keeps insertion order without removals).
            result[artist] = [.. perArtist.OrderByDescending(p => p.Value).Take(MaxGenres).Select(p => p.Key)];
        }

        return result;
    }

    private static RecordReader OpenWithHeader(string path, Encoding encoding)
    {
        var record = new RecordReader(path, encoding, "\t");
        record.TryRead();
        return record;
    }
}
