using System.Globalization;
using KnowRec.Data;

namespace KnowRec.Tests.Data.Splits;

/// <summary>Reads ml-100k's <c>u.data</c> (user TAB item TAB rating TAB timestamp) from <c>$KNOWREC_DATA/ml-100k</c>.</summary>
/// <remarks>A deliberately tiny parser so split tests do not wait for the real readers.</remarks>
internal static class MovieLens100k
{
    /// <summary>Path of u.data, or null when KNOWREC_DATA is unset or the folder is missing.</summary>
    public static string? DataPath
    {
        get
        {
            string? root = Environment.GetEnvironmentVariable("KNOWREC_DATA");
            string? path = string.IsNullOrEmpty(root) ? null : Path.Combine(root, "ml-100k", "u.data");
            return path is not null && File.Exists(path) ? path : null;
        }
    }

    /// <summary>Loads the 100,000 ratings in file order.</summary>
    public static Dataset Load()
    {
        string path = DataPath ?? throw new InvalidOperationException("ml-100k is not available.");
        var users = new IdMap();
        var items = new IdMap();
        var rows = new List<Interaction>(100_000);
        foreach (string line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            rows.Add(new Interaction(
                users.GetOrAdd(f[0]),
                items.GetOrAdd(f[1]),
                float.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return new Dataset("ml-100k", users, items, rows) { Feedback = FeedbackKind.Explicit, RatingScale = (1f, 5f), HasTimestamps = true };
    }
}
