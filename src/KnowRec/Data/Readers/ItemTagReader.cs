using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Reads the user tag assignments that ship beside some datasets, counted per (item, tag).</summary>
/// <remarks>
/// The dataset readers keep only a summary of tags (HetRec Last.FM: an artist's top tags as its genres; MovieLens
/// latest: the distinct tags as text), so builders that need counts read the files again here:
/// <list type="bullet">
/// <item>HetRec 2011 Last.FM: <c>user_taggedartists.dat</c> (<c>userID \t artistID \t tagID …</c>, UTF-8) with <c>tags.dat</c> (<c>tagID \t tagValue</c>, ISO-8859-1).</item>
/// <item>MovieLens latest: <c>tags.csv</c> (<c>userId,movieId,tag,timestamp</c>, UTF-8, RFC 4180 quoting).</item>
/// </list>
/// Tags are compared ignoring case; the first spelling is kept. Tag files are side information: malformed lines are
/// skipped, as the dataset readers do. A folder without tag files gives an empty list.
/// </remarks>
public static class ItemTagReader
{
    /// <summary>The tags in the dataset folder <paramref name="folder"/>, in order of first assignment; empty when it has none.</summary>
    public static IReadOnlyList<ItemTag> Read(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var counts = new Counts();
        if (!Directory.Exists(folder))
        {
            return [];
        }

        string assigned = Path.Combine(folder, "user_taggedartists.dat");
        string names = Path.Combine(folder, "tags.dat");
        string csv = Path.Combine(folder, "tags.csv");
        if (File.Exists(assigned) && File.Exists(names))
        {
            var tagNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, value) in Rows(names, Encoding.Latin1, "\t", quoting: false, 0, 1))
            {
                tagNames[id] = value;
            }

            foreach (var (artist, tag) in Rows(assigned, Encoding.UTF8, "\t", quoting: false, 1, 2))
            {
                if (tagNames.TryGetValue(tag, out string? name))
                {
                    counts.Add(artist, name);
                }
            }
        }
        else if (File.Exists(csv))
        {
            foreach (var (movie, tag) in Rows(csv, Encoding.UTF8, ",", quoting: true, 1, 2))
            {
                counts.Add(movie, tag);
            }
        }

        return counts.ToList();
    }

    // (first, second) field pairs of every data line that has both non-empty; the header row is skipped.
    private static IEnumerable<(string, string)> Rows(string path, Encoding encoding, string delimiter, bool quoting, int first, int second)
    {
        using var record = new RecordReader(path, encoding, delimiter, quoting);
        record.TryRead();
        while (record.TryRead())
        {
            if (!record.Unterminated && record.Count > Math.Max(first, second))
            {
                string a = record[first].Trim().ToString();
                string b = record[second].Trim().ToString();
                if (a.Length > 0 && b.Length > 0)
                {
                    yield return (a, b);
                }
            }
        }
    }

    private sealed class Counts
    {
        private readonly Dictionary<(string Item, string Tag), int> _index = [];
        private readonly List<(string Item, string Tag, int Count)> _rows = [];

        public void Add(string item, string tag)
        {
            var key = (item, tag.ToLowerInvariant());
            if (_index.TryGetValue(key, out int at))
            {
                _rows[at] = (_rows[at].Item, _rows[at].Tag, _rows[at].Count + 1);
            }
            else
            {
                _index[key] = _rows.Count;
                _rows.Add((item, tag, 1));
            }
        }

        public List<ItemTag> ToList() => [.. _rows.Select(r => new ItemTag(r.Item, r.Tag, r.Count))];
    }
}
