using KnowRec.Data;

namespace KnowRec.Knowledge.Linking;

/// <summary>Gives a dataset's items the ids of another catalogue, found by title + year, so graphs keyed by that catalogue link to the right items.</summary>
/// <remarks>
/// Published graphs are keyed by one catalogue's ids. RecBole's <c>kg-ml100k-freebase</c> is keyed by MovieLens-20M ids
/// although it is named for ML-100K, whose ids differ (ML-100K item 2 is GoldenEye, MovieLens-20M movie 2 is Jumanji):
/// trusting the numbers gives most items another film's facts. Linking each item by title + year to a catalogue with
/// the right ids (e.g. the ML-1M movies, which share MovieLens-20M ids) and keying it by that id repairs this.
/// Items that do not link get a key no graph uses (<c>NAME:id</c>), because a wrong link is worse than none.
/// </remarks>
public static class CatalogueKeys
{
    /// <summary>
    /// <paramref name="data"/> with every item's <see cref="ItemMetadata.SourceIdAttribute"/> set to the key of the
    /// <paramref name="reference"/> item it links to, or to <c>NAME:raw id</c> when it links to none.
    /// </summary>
    /// <returns>The re-keyed dataset and the link result (counts of linked, ambiguous and unlinked items).</returns>
    public static (Dataset Data, LinkResult Links) Adopt(Dataset data, Dataset reference, LinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(reference);
        var links = TitleLinker.Link(DatasetTitles.Of(data), DatasetTitles.Of(reference), options);
        var metadata = new ItemMetadata?[data.Items.Count];
        for (int item = 0; item < metadata.Length; item++)
        {
            var old = item < data.ItemMetadata.Count ? data.ItemMetadata[item] : null;
            string key = links.TargetOf(data.KeyOf(item)) ?? $"{data.Name}:{data.Items[item]}";
            var attributes = new Dictionary<string, string>(old?.Attributes ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [ItemMetadata.SourceIdAttribute] = key,
            };
            metadata[item] = (old ?? new ItemMetadata()) with { Attributes = attributes };
        }

        return (data.WithItemMetadata(metadata), links);
    }
}
