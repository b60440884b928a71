using KnowRec.Data;
using KnowRec.Data.Readers;

namespace KnowRec.Knowledge.Linking;

/// <summary>Attaches rows of an item text file (plots, cast, crew) to a dataset's items, matched by entity linking on title and year.</summary>
/// <remarks>
/// The file's own ids are not trusted (a renumbered or different catalogue would silently get the wrong plots); each
/// item is linked with <see cref="TitleLinker"/> and only <see cref="LinkStatus.Linked"/> items get text. How often the
/// linked row's id equals the item's key is reported as <see cref="ItemTextAttachment.KeysAgree"/>, a free check where
/// the file does share the catalogue's ids (MeLU and MovieLens-1M do).
/// </remarks>
public static class ItemTextLinker
{
    /// <summary>Text fields copied into <see cref="ItemMetadata.Attributes"/> when present.</summary>
    public static readonly IReadOnlyList<string> AttributeFields = ["director", "writer", "actors", "rated", "country", "language", "released"];

    /// <summary>
    /// <paramref name="data"/> with each linked item's metadata extended: <see cref="ItemMetadata.Text"/> = the plot,
    /// attributes <c>director</c>, <c>writer</c>, <c>actors</c>, <c>rated</c>, <c>country</c>, <c>language</c>, <c>released</c> where the row has them.
    /// </summary>
    public static ItemTextAttachment Attach(Dataset data, IReadOnlyList<ItemText> rows, LinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        var byKey = new Dictionary<string, ItemText>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byKey.TryAdd(row.Key, row))
            {
                throw new ArgumentException($"Item text key '{row.Key}' appears twice.", nameof(rows));
            }
        }

        var links = TitleLinker.Link(DatasetTitles.Of(data), [.. rows.Select(r => new TitledItem(r.Key, r.Title, r.Year))], options);
        var metadata = new ItemMetadata?[data.Items.Count];
        int agree = 0;
        for (int item = 0; item < metadata.Length; item++)
        {
            var old = item < data.ItemMetadata.Count ? data.ItemMetadata[item] : null;
            string key = data.KeyOf(item);
            metadata[item] = old;
            if (old is null || links.TargetOf(key) is not { } target)
            {
                continue;
            }

            var row = byKey[target];
            agree += row.Key == key ? 1 : 0;
            var attributes = new Dictionary<string, string>(old.Attributes, StringComparer.Ordinal);
            foreach (string field in AttributeFields)
            {
                if (row.Fields.TryGetValue(field, out string? value))
                {
                    attributes[field] = value;
                }
            }

            metadata[item] = old with { Text = row.Fields.GetValueOrDefault("plot") ?? old.Text, Attributes = attributes };
        }

        return new ItemTextAttachment(data.WithItemMetadata(metadata), links, agree);
    }
}
