using System.Globalization;

namespace KnowRec.Data.Splits;

/// <summary>Reads a split saved by <see cref="SplitWriter"/> (<c>train.tsv</c> and <c>test.tsv</c>) back into memory.</summary>
/// <remarks>Malformed lines throw <see cref="InvalidDataException"/> naming FILE:LINE and what was wrong.</remarks>
public static class SplitReader
{
    /// <summary>Reads both files into one dataset, train rows first, whose <see cref="Dataset.FixedTestMask"/> marks the test rows.</summary>
    /// <param name="directory">Folder holding <c>train.tsv</c> and <c>test.tsv</c>.</param>
    /// <param name="name">Name of the dataset.</param>
    /// <param name="feedback">What the values mean; the files do not say.</param>
    /// <remarks>
    /// Ids are indexed in order of first appearance, train file first. This is the form the <c>fixed</c> protocol of
    /// <see cref="Splitter"/> takes, so a saved split can be evaluated again as it was.
    /// </remarks>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A line is malformed.</exception>
    public static Dataset LoadDataset(string directory, string name = "saved-split", FeedbackKind feedback = FeedbackKind.Implicit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var users = new IdMap();
        var items = new IdMap();
        var rows = new List<Interaction>();
        Read(Path.Combine(directory, SplitWriter.TrainFileName), users, items, grow: true, rows);
        int trainCount = rows.Count;
        Read(Path.Combine(directory, SplitWriter.TestFileName), users, items, grow: true, rows);
        var mask = new bool[rows.Count];
        mask.AsSpan(trainCount).Fill(true);
        return new Dataset(name, users, items, rows)
        {
            Feedback = feedback,
            HasTimestamps = rows.TrueForAll(r => r.HasTimestamp),
            FixedTestMask = mask,
        };
    }

    /// <summary>Reads a saved split with fresh id maps (see <see cref="LoadDataset"/>); its protocol is <c>fixed</c>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A line is malformed.</exception>
    public static DataSplit Load(string directory, string name = "saved-split", FeedbackKind feedback = FeedbackKind.Implicit) =>
        Splitter.Split(LoadDataset(directory, name, feedback), new SplitOptions { Protocol = SplitProtocol.Fixed })[0];

    /// <summary>Reads a saved split onto the id maps and metadata of <paramref name="source"/>, the dataset it was made from.</summary>
    /// <remarks>The protocol is <c>fixed</c>. Rows keep file order, so a split saved from <paramref name="source"/> comes back row for row.</remarks>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A line is malformed or names an id that <paramref name="source"/> does not have.</exception>
    public static DataSplit Load(string directory, Dataset source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(source);
        var train = new List<Interaction>();
        var test = new List<Interaction>();
        Read(Path.Combine(directory, SplitWriter.TrainFileName), source.Users, source.Items, grow: false, train);
        Read(Path.Combine(directory, SplitWriter.TestFileName), source.Users, source.Items, grow: false, test);
        return new DataSplit(
            source.WithInteractions(train, $"{source.Name}-train"),
            source.WithInteractions(test, $"{source.Name}-test"),
            SplitProtocolNames.ToName(SplitProtocol.Fixed));
    }

    // grow: add unseen ids (fresh maps) or refuse them (maps of an existing dataset, which must not change under it).
    private static void Read(string path, IdMap users, IdMap items, bool grow, List<Interaction> rows)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Saved split file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw Bad(path, lineNumber, $"expected 4 tab-separated fields (user, item, value, timestamp), found {fields.Length}");
            }

            int user = Index(users, fields[0], grow, path, lineNumber, "user");
            int item = Index(items, fields[1], grow, path, lineNumber, "item");
            if (!float.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
            {
                throw Bad(path, lineNumber, $"value '{fields[2]}' is not a number");
            }

            long timestamp = Interaction.NoTimestamp;
            if (fields[3].Length > 0
                && (!long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out timestamp) || timestamp == Interaction.NoTimestamp))
            {
                throw Bad(path, lineNumber, $"timestamp '{fields[3]}' is not an integer number of Unix seconds");
            }

            rows.Add(new Interaction(user, item, value, timestamp));
        }
    }

    private static int Index(IdMap map, string id, bool grow, string path, int lineNumber, string what)
    {
        if (id.Length == 0)
        {
            throw Bad(path, lineNumber, $"{what} id is empty");
        }

        if (grow)
        {
            return map.GetOrAdd(id);
        }

        return map.TryGetIndex(id, out int index) ? index : throw Bad(path, lineNumber, $"{what} id '{id}' is not in the source dataset");
    }

    private static InvalidDataException Bad(string path, int lineNumber, string message) => new($"{path}:{lineNumber}: {message}.");
}
