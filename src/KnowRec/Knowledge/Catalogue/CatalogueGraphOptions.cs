using KnowRec.Data.Readers;

namespace KnowRec.Knowledge.Catalogue;

/// <summary>What <see cref="CatalogueGraphBuilder"/> reads besides the dataset's item metadata, and how it filters tags.</summary>
public sealed record CatalogueGraphOptions
{
    /// <summary>User tag assignments by item key (e.g. from <see cref="ItemTagReader.Read"/>); null or empty for none.</summary>
    public IReadOnlyList<ItemTag>? Tags { get; init; }

    /// <summary>Fewest times a tag must have been applied to an item for a <c>tagged</c> triple (default 1).</summary>
    public int MinTagCount { get; init; } = 1;

    /// <summary>Fewest items a tag must reach to become an entity (default 2: a tag on one item connects nothing).</summary>
    public int MinTagItems { get; init; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first out-of-range property.</summary>
    public void Validate()
    {
        if (MinTagCount < 1)
        {
            throw new ArgumentException($"MinTagCount must be at least 1, got {MinTagCount}.", nameof(MinTagCount));
        }

        if (MinTagItems < 1)
        {
            throw new ArgumentException($"MinTagItems must be at least 1, got {MinTagItems}.", nameof(MinTagItems));
        }
    }
}
