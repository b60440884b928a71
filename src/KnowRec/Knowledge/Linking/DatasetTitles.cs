using KnowRec.Data;

namespace KnowRec.Knowledge.Linking;

/// <summary>A dataset's items as entity linking sees them.</summary>
public static class DatasetTitles
{
    /// <summary>One <see cref="TitledItem"/> per item that has a title, keyed by <see cref="Dataset.KeyOf"/>, in item order.</summary>
    public static IReadOnlyList<TitledItem> Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var items = new List<TitledItem>(data.Items.Count);
        for (int item = 0; item < data.Items.Count; item++)
        {
            if (item < data.ItemMetadata.Count && data.ItemMetadata[item] is { Title: { Length: > 0 } title } metadata)
            {
                items.Add(new TitledItem(data.KeyOf(item), title, metadata.Year));
            }
        }

        return items;
    }
}
