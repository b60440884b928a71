using System.Text;
using KnowRec.Data;

namespace KnowRec.Features.Text;

/// <summary>One text document per item index, written from what the dataset knows about the item.</summary>
/// <remarks>
/// A document joins, on separate lines: the title, the year (when the title does not already hold it), the genres or
/// tags, the attributes in <see cref="AttributeFields"/> as <c>name: value</c> (so "Tom Hanks" becomes the bigram a
/// text encoder can match), and <see cref="ItemMetadata.Text"/> (a plot or the item's review text). The raw id is never
/// part of it: an item with none of these has an empty document and <see cref="HasText"/> false, so encoders and
/// models can mark it absent instead of embedding an id. Immutable.
/// </remarks>
public sealed class ItemDocuments
{
    /// <summary>Item attributes that carry descriptive text; others (URLs, source ids, ratings, dates) are left out.</summary>
    public static readonly IReadOnlyList<string> AttributeFields = ["director", "writer", "actors", "country", "language", "category", "brand", "tags"];

    private readonly string[] _texts;
    private readonly bool[] _hasText;

    private ItemDocuments(string[] texts, bool[] hasText)
    {
        _texts = texts;
        _hasText = hasText;
        WithText = hasText.Count(h => h);
    }

    /// <summary>The document of every item index (empty for items without text).</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>Number of items.</summary>
    public int Count => _texts.Length;

    /// <summary>Number of items with a non-empty document.</summary>
    public int WithText { get; }

    /// <summary>Whether <paramref name="item"/> has any text beyond its id.</summary>
    public bool HasText(int item) => _hasText[item];

    /// <summary>The documents of every item of <paramref name="data"/>.</summary>
    public static ItemDocuments Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Items.Count;
        var texts = new string[n];
        var hasText = new bool[n];
        var builder = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            builder.Clear();
            if (i < data.ItemMetadata.Count && data.ItemMetadata[i] is { } metadata)
            {
                Write(metadata, builder);
            }

            texts[i] = builder.ToString();
            hasText[i] = texts[i].Length > 0;
        }

        return new ItemDocuments(texts, hasText);
    }

    private static void Write(ItemMetadata metadata, StringBuilder builder)
    {
        AppendLine(builder, metadata.Title);
        if (metadata.Year is { } year && !(metadata.Title?.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) ?? false))
        {
            AppendLine(builder, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (metadata.Genres.Count > 0)
        {
            AppendLine(builder, string.Join(", ", metadata.Genres));
        }

        foreach (string field in AttributeFields)
        {
            if (metadata.Attributes.TryGetValue(field, out string? value) && !string.IsNullOrWhiteSpace(value))
            {
                AppendLine(builder, $"{field}: {value}");
            }
        }

        AppendLine(builder, metadata.Text);
    }

    private static void AppendLine(StringBuilder builder, string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        builder.Append(line.Trim());
    }
}
