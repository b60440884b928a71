using KnowRec.Data;

namespace KnowRec.Features;

/// <summary>Feature matrices built from what a dataset says about its items and users.</summary>
public static class CatalogueFeatures
{
    /// <summary>
    /// A multi-hot of each item's genres or tags (<see cref="ItemMetadata.Genres"/>), scaled to unit length so that an
    /// item with many genres does not get a larger input than an item with one; null when no item has a genre.
    /// </summary>
    /// <remarks>Columns are the distinct genre names in ordinal order; an item without metadata gets a zero row.</remarks>
    public static FeatureMatrix? ItemGenres(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var metadata = data.ItemMetadata;
        var names = metadata.Where(m => m is not null).SelectMany(m => m!.Genres).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var column = names.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        int items = data.Items.Count;
        var values = new float[items * names.Count];
        for (int i = 0; i < Math.Min(items, metadata.Count); i++)
        {
            var genres = metadata[i]?.Genres.Distinct(StringComparer.Ordinal).ToList() ?? [];
            foreach (string genre in genres)
            {
                values[(i * names.Count) + column[genre]] = 1f / MathF.Sqrt(genres.Count);
            }
        }

        return new FeatureMatrix(items, names.Count, values, [.. names.Select(n => "genre=" + n)]);
    }

    /// <summary>
    /// A one-hot per user attribute (<see cref="Dataset.UserAttributes"/>, e.g. gender, age band, occupation) with at
    /// most <paramref name="maxValues"/> distinct values; attributes with more (e.g. zip codes) are left out, since
    /// almost every value would be seen by a handful of users. Null when no attribute qualifies.
    /// </summary>
    /// <remarks>Columns are <c>attribute=value</c> in ordinal order; a user without the attribute gets zeros for it.</remarks>
    public static FeatureMatrix? UserAttributes(Dataset data, int maxValues = 64)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValues, 1);
        var attributes = data.UserAttributes;
        var names = attributes.Where(a => a is not null)
            .SelectMany(a => a!)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Values: g.Select(kv => kv.Value).Distinct(StringComparer.Ordinal).ToList()))
            .Where(g => g.Values.Count <= maxValues)
            .SelectMany(g => g.Values.Select(v => g.Key + "=" + v))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var column = names.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        int users = data.Users.Count;
        var values = new float[users * names.Count];
        for (int u = 0; u < Math.Min(users, attributes.Count); u++)
        {
            foreach (var (key, value) in attributes[u] ?? new Dictionary<string, string>())
            {
                if (column.TryGetValue(key + "=" + value, out int c))
                {
                    values[(u * names.Count) + c] = 1f;
                }
            }
        }

        return new FeatureMatrix(users, names.Count, values, names);
    }
}
