using System.Collections.Concurrent;

namespace KnowRec.Data.Cleaning;

/// <summary>Counts what loading and cleaning did to a dataset: lines read, rows kept, and each cause of change.</summary>
/// <remarks>Causes are short kebab-case words (e.g. <c>duplicate</c>, <c>non-numeric-value</c>, <c>k-core</c>). Thread-safe.</remarks>
public sealed class CleaningReport
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _examples = new();
    private long _linesRead;
    private long _rowsKept;

    /// <summary>How many example messages are kept per report.</summary>
    public const int MaxExamples = 10;

    /// <summary>Data lines read from all files (headers and blank lines excluded).</summary>
    public long LinesRead => Interlocked.Read(ref _linesRead);

    /// <summary>Interaction rows left after cleaning.</summary>
    public long RowsKept
    {
        get => Interlocked.Read(ref _rowsKept);
        set => Interlocked.Exchange(ref _rowsKept, value);
    }

    /// <summary>Count per cause, sorted by cause.</summary>
    public IReadOnlyDictionary<string, long> Counts => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>The first few messages, each <c>FILE:LINE: reason</c>.</summary>
    public IReadOnlyList<string> Examples => [.. _examples];

    /// <summary>Total rows skipped or merged, over all causes.</summary>
    public long Total => _counts.Values.Sum();

    /// <summary>Counts one data line read.</summary>
    public void CountLine() => Interlocked.Increment(ref _linesRead);

    /// <summary>Counts <paramref name="count"/> rows changed or dropped for <paramref name="cause"/>, keeping a message as an example.</summary>
    public void Add(string cause, long count = 1, string? example = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        if (count == 0)
        {
            return;
        }

        _counts.AddOrUpdate(cause, count, (_, old) => old + count);
        if (example is not null && _examples.Count < MaxExamples)
        {
            _examples.Enqueue(example);
        }
    }

    /// <summary>Count for one cause, 0 when it never happened.</summary>
    public long this[string cause] => _counts.TryGetValue(cause, out long n) ? n : 0;
}
