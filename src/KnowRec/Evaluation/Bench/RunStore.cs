using System.Security.Cryptography;
using System.Text;

namespace KnowRec.Evaluation.Bench;

/// <summary>
/// The folder of stored measurements (<c>benchmarks/runs/</c>): one <see cref="RunRecord"/> file per plan row, so a
/// few rows can be re-measured and the whole results document still rendered.
/// </summary>
/// <remarks>
/// A row's file name is a readable slug of its data, model and protocol plus the first 8 hex digits of the SHA-256 of
/// its exact <see cref="BenchRun.EvaluateArguments"/> (e.g. <c>ml-1m-pieces-LIN452-ReSN_lightgcn_fixed_1f0c9a3e.json</c>),
/// so rows that differ only in <c>--set</c> get different files and a row whose arguments change (even their order)
/// simply finds no stored report. Files are written to a temporary name and renamed.
/// </remarks>
public sealed class RunStore
{
    private const int SlugLimit = 80;

    /// <summary>A store in <paramref name="directory"/> (created on the first write).</summary>
    public RunStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>The folder holding the files.</summary>
    public string Directory { get; }

    /// <summary>The file name of <paramref name="run"/>'s report: <c>SLUG_HASH.json</c>, the same on every machine.</summary>
    public static string FileName(BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var arguments = run.EvaluateArguments();
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', arguments)));
        string slug = Slug($"{run.Data}_{run.Model}_{run.Protocol}{(run.Folds is { } f ? $"-{f}" : "")}");
        return $"{slug}_{Convert.ToHexStringLower(digest, 0, 4)}.json";
    }

    /// <summary>The path of <paramref name="run"/>'s file in this store.</summary>
    public string PathOf(BenchRun run) => Path.Combine(Directory, FileName(run));

    /// <summary>The stored report of <paramref name="run"/>, or null when it has none.</summary>
    /// <exception cref="InvalidDataException">The file exists but cannot be read as a report of this row; the message names the file.</exception>
    public RunRecord? Read(BenchRun run)
    {
        string path = PathOf(run);
        if (!File.Exists(path))
        {
            return null;
        }

        RunRecord record;
        try
        {
            record = RunRecord.FromJson(File.ReadAllText(path), File.GetLastWriteTimeUtc(path), run.CommandLine() + " --json");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a stored report ({e.Message})", e);
        }

        var expected = run.EvaluateArguments();
        if (record.Arguments is { } arguments && !arguments.SequenceEqual(expected))
        {
            throw new InvalidDataException($"{path}: holds a report measured with other arguments ({BenchRun.CommandLine(arguments)}).");
        }

        if (!string.Equals(record.Report.Model, run.Model, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path}: holds a report of model '{record.Report.Model}', not '{run.Model}'.");
        }

        return record;
    }

    /// <summary>
    /// Reads the stored report of every row of <paramref name="sections"/>, keyed by <see cref="FileName"/>; a file
    /// that cannot be read adds a warning naming it to <paramref name="warnings"/> and counts as not measured.
    /// </summary>
    public IReadOnlyDictionary<string, RunRecord> ReadAll(IEnumerable<BenchSection> sections, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(warnings);
        var found = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in sections.SelectMany(s => s.Runs))
        {
            if (!seen.Add(FileName(run)))
            {
                continue;
            }

            try
            {
                if (Read(run) is { } record)
                {
                    found[FileName(run)] = record;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                warnings.Add($"warning: {e.Message}; treated as not measured.");
            }
        }

        return found;
    }

    /// <summary>Stores <paramref name="record"/> as <paramref name="run"/>'s report, replacing any earlier one atomically.</summary>
    public void Write(BenchRun run, RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string path = Path.GetFullPath(PathOf(run));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllText(temp, record.ToJson() + "\n", new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    // Letters, digits, '.' and '_' survive; every other run of characters ('-', '/', spaces) becomes one '-'.
    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '_';
            if (keep)
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        string result = slug.ToString().Trim('-', '.');
        return result.Length > SlugLimit ? result[..SlugLimit].TrimEnd('-', '.') : result;
    }
}
