using KnowRec.Data.Cleaning;

namespace KnowRec.Data.Readers;

/// <summary>Loads a dataset from a folder, file or dataset name, in any format of <see cref="DatasetFormats"/>, and cleans it.</summary>
/// <remarks>
/// Strict by default: the first bad line throws <see cref="InvalidDataException"/> with the message
/// <c>FILE:LINE: reason</c>. With <see cref="LoadOptions.Lenient"/> bad lines are skipped and counted per cause in
/// <see cref="Dataset.Cleaning"/>, with the first few messages in <see cref="CleaningReport.Examples"/>. Duplicates,
/// the implicit threshold and the k-core filter are not errors: they always apply and are counted.
/// <para>
/// Catalogue: when the format has an item (user) metadata file, every id it lists stays in <see cref="Dataset.Items"/>
/// (<see cref="Dataset.Users"/>) even without interactions, and interactions naming other ids are bad lines; without
/// one, the catalogue is the ids that keep at least one interaction after cleaning. <see cref="Dataset.ItemMetadata"/>
/// and <see cref="Dataset.UserAttributes"/> always have one entry per item and user. <see cref="CleaningReport.LinesRead"/>
/// counts data lines of the interaction files only (not metadata files).
/// </para>
/// </remarks>
public static class DatasetLoader
{
    /// <summary>Reads and cleans a dataset.</summary>
    /// <param name="path">A folder or file, or a dataset name resolved by <see cref="DataLocator.Resolve(string)"/>.</param>
    /// <param name="options">Format, strictness and cleaning; null uses the defaults.</param>
    /// <exception cref="InvalidDataException">A bad line in strict mode, or an undetectable or incomplete folder.</exception>
    /// <exception cref="DirectoryNotFoundException">The path or name does not exist.</exception>
    public static Dataset Load(string path, LoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new LoadOptions();
        options.Validate();
        string resolved = DataLocator.Resolve(path);
        string format = options.Format ?? DatasetFormats.Detect(resolved);
        var raw = new RawDataset(NameOf(resolved), options);
        Action<string, RawDataset> read = format switch
        {
            DatasetFormats.MovieLens100K => MovieLens100kReader.Read,
            DatasetFormats.MovieLens1M => MovieLens1mReader.Read,
            DatasetFormats.MovieLensLatest => MovieLensLatestReader.Read,
            DatasetFormats.Pairs => PairsReader.Read,
            DatasetFormats.HetrecLastfm => HetrecLastfmReader.Read,
            DatasetFormats.AmazonJson => AmazonJsonReader.Read,
            _ => DelimitedReader.Read,
        };
        read(resolved, raw);
        return DataCleaner.Clean(raw);
    }

    // A folder is named after itself; a file after its name without extensions (ratings.dat.gz → ratings).
    private static string NameOf(string path)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (File.Exists(path))
        {
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            name = dot > 0 ? name[..dot] : name;
        }

        return string.IsNullOrWhiteSpace(name) ? "dataset" : name;
    }
}
