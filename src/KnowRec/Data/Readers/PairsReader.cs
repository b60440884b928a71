using System.Globalization;
using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Reads a fixed split of implicit pairs: <c>train.txt</c> and <c>test.txt</c>, each line <c>user item item …</c>.</summary>
/// <remarks>
/// Space-separated, a line holding only a user is allowed. Every pair is value 1 without a timestamp; ids stay raw
/// strings. Train rows come first, then test rows, and <see cref="Dataset.FixedTestMask"/> marks the test rows. The
/// catalogue is the users and items of train ∪ test.
/// <para>
/// Titles: LightGCN-style pieces of MovieLens (e.g. <c>ml-1m/pieces-LIN452-ReSN</c>) use the original ids minus 1. When
/// the parent folder holds <c>movies.dat</c>, titles and genres are attached by id + 1 <em>only if every</em> item id is
/// an integer whose id + 1 is in <c>movies.dat</c> — a partial match means the ids are not shifted MovieLens ids, and
/// wrong titles would be worse than none. The original id is kept as the <see cref="ItemMetadata.SourceIdAttribute"/>
/// attribute, which is what knowledge graphs and item text files are linked by. <c>users.dat</c> attributes are attached by the same all-or-nothing rule.
/// </para>
/// </remarks>
internal static class PairsReader
{
    public static void Read(string folder, RawDataset raw)
    {
        ReadFile(Path.Combine(folder, "train.txt"), test: false, raw);
        ReadFile(Path.Combine(folder, "test.txt"), test: true, raw);
        string? parent = Path.GetDirectoryName(Path.GetFullPath(folder));
        if (parent is null)
        {
            return;
        }

        // Metadata lines that fail to parse must not abort or pollute the load of the pairs themselves.
        var quiet = new RawDataset(raw.Name, raw.Options with { Lenient = true });
        string movies = Path.Combine(parent, "movies.dat");
        if (File.Exists(movies))
        {
            var byId = MovieLens1mReader.ReadMovies(movies, quiet).ToDictionary(m => m.Id, m => WithSourceId(m.Metadata, m.Id), StringComparer.Ordinal);
            AttachShifted(raw.Items, byId, raw.SetItemMetadata);
        }

        string users = Path.Combine(parent, "users.dat");
        if (File.Exists(users))
        {
            var byId = MovieLens1mReader.ReadUsers(users, quiet).ToDictionary(u => u.Id, u => (IReadOnlyDictionary<string, string>)u.Attributes, StringComparer.Ordinal);
            AttachShifted(raw.Users, byId, raw.SetUserAttributes);
        }
    }

    private static void ReadFile(string path, bool test, RawDataset raw)
    {
        using var lines = new LineReader(path, Encoding.UTF8);
        while (lines.TryReadLine(out var line))
        {
            if (line.IsWhiteSpace())
            {
                continue;
            }

            raw.Report.CountLine();
            ReadOnlySpan<char> user = default;
            foreach (var range in line.Split(' '))
            {
                var token = line[range].Trim('\t');
                if (token.IsEmpty)
                {
                    continue;
                }

                if (user.IsEmpty)
                {
                    user = token;
                    raw.Users.GetOrAdd(user);
                }
                else
                {
                    raw.AddRow(lines.FileName, lines.LineNumber, user, token, 1f, Interaction.NoTimestamp, test);
                }
            }
        }
    }

    // The shifted pieces lose the MovieLens id that knowledge graphs and text files key on; keep it beside the title.
    private static ItemMetadata WithSourceId(ItemMetadata metadata, string id) =>
        metadata with { Attributes = new Dictionary<string, string>(metadata.Attributes, StringComparer.Ordinal) { [Data.ItemMetadata.SourceIdAttribute] = id } };

    private static void AttachShifted<T>(IdInterner ids, Dictionary<string, T> byId, Action<int, T?> attach)
        where T : class
    {
        var found = new T[ids.Count];
        for (int i = 0; i < ids.Count; i++)
        {
            if (!long.TryParse(ids[i], NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                || !byId.TryGetValue((id + 1).ToString(CultureInfo.InvariantCulture), out var value))
            {
                return;
            }

            found[i] = value;
        }

        for (int i = 0; i < found.Length; i++)
        {
            attach(i, found[i]);
        }
    }
}
