using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowRec.Data;

/// <summary>What <c>knowrec data info</c> reports about a dataset: sizes, sparsity, value histogram, activity spread, cleaning.</summary>
public sealed record DatasetSummary
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Number of users.</summary>
    public int Users { get; init; }

    /// <summary>Number of items in the catalogue.</summary>
    public int Items { get; init; }

    /// <summary>Number of interaction rows.</summary>
    public int Interactions { get; init; }

    /// <summary>Share of empty user × item cells.</summary>
    public double Sparsity { get; init; }

    /// <summary><c>explicit</c> or <c>implicit</c>.</summary>
    public required string Feedback { get; init; }

    /// <summary>Rows per value: each distinct rating for explicit data; power-of-two buckets ("1", "2-3", "4-7", …) for implicit counts.</summary>
    public required IReadOnlyDictionary<string, int> ValueHistogram { get; init; }

    /// <summary>Mean of the values.</summary>
    public double MeanValue { get; init; }

    /// <summary>Fewest, median and most interactions per user.</summary>
    public required int[] PerUser { get; init; }

    /// <summary>Fewest, median and most interactions per item (items with none count as 0).</summary>
    public required int[] PerItem { get; init; }

    /// <summary>Earliest timestamp (UTC, ISO 8601), when the data has times.</summary>
    public string? FirstTime { get; init; }

    /// <summary>Latest timestamp (UTC, ISO 8601), when the data has times.</summary>
    public string? LastTime { get; init; }

    /// <summary>Whether the source ships a fixed train/test split, and the size of its test part.</summary>
    public int? FixedTestRows { get; init; }

    /// <summary>Lines read from the files.</summary>
    public long LinesRead { get; init; }

    /// <summary>Rows skipped or merged per cause.</summary>
    public required IReadOnlyDictionary<string, long> Cleaning { get; init; }

    /// <summary>The first few cleaning messages.</summary>
    public required IReadOnlyList<string> CleaningExamples { get; init; }

    /// <summary>Summarises <paramref name="data"/>.</summary>
    public static DatasetSummary Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = data.Interactions;
        var histogram = new SortedDictionary<double, (string Label, int Count)>();
        double sum = 0;
        long first = long.MaxValue;
        long last = long.MinValue;
        var perUser = new int[data.Users.Count];
        var perItem = new int[data.Items.Count];
        foreach (var r in rows)
        {
            sum += r.Value;
            perUser[r.User]++;
            perItem[r.Item]++;
            var (key, label) = Bucket(r.Value, data.Feedback);
            histogram[key] = histogram.TryGetValue(key, out var old) ? (label, old.Count + 1) : (label, 1);
            if (r.HasTimestamp)
            {
                first = Math.Min(first, r.Timestamp);
                last = Math.Max(last, r.Timestamp);
            }
        }

        return new DatasetSummary
        {
            Dataset = data.Name,
            Users = data.Users.Count,
            Items = data.Items.Count,
            Interactions = rows.Count,
            Sparsity = data.Users.Count == 0 || data.Items.Count == 0 ? 1 : 1 - ((double)rows.Count / ((double)data.Users.Count * data.Items.Count)),
            Feedback = data.Feedback == FeedbackKind.Explicit ? "explicit" : "implicit",
            ValueHistogram = histogram.Values.ToDictionary(v => v.Label, v => v.Count),
            MeanValue = rows.Count == 0 ? 0 : sum / rows.Count,
            PerUser = Spread(perUser),
            PerItem = Spread(perItem),
            FirstTime = first == long.MaxValue ? null : Time(first),
            LastTime = last == long.MinValue ? null : Time(last),
            FixedTestRows = data.FixedTestMask?.Count(t => t),
            LinesRead = data.Cleaning.LinesRead,
            Cleaning = data.Cleaning.Counts,
            CleaningExamples = data.Cleaning.Examples,
        };
    }

    /// <summary>The summary as indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static (double Key, string Label) Bucket(float value, FeedbackKind feedback)
    {
        if (feedback == FeedbackKind.Explicit || value <= 1)
        {
            return (value, value.ToString(CultureInfo.InvariantCulture));
        }

        // Implicit counts span orders of magnitude: bucket by powers of two.
        int power = (int)Math.Floor(Math.Log2(value));
        long low = 1L << power;
        long high = (1L << (power + 1)) - 1;
        return (low, low == high ? low.ToString(CultureInfo.InvariantCulture) : $"{low}-{high}");
    }

    private static int[] Spread(int[] counts)
    {
        if (counts.Length == 0)
        {
            return [0, 0, 0];
        }

        var sorted = (int[])counts.Clone();
        Array.Sort(sorted);
        return [sorted[0], sorted[sorted.Length / 2], sorted[^1]];
    }

    private static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
