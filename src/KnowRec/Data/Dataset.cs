using KnowRec.Data.Cleaning;

namespace KnowRec.Data;

/// <summary>Users, items, their interactions and whatever the source says about them.</summary>
/// <remarks>
/// Immutable: splits and filters make new datasets that share the id maps and metadata, so an index means the same
/// user or item in every part of one split. Thread-safe for reading.
/// </remarks>
public sealed class Dataset
{
    private readonly Lazy<InteractionMatrix> _matrix;

    /// <summary>Creates a dataset; <paramref name="interactions"/> must use indices of <paramref name="users"/> and <paramref name="items"/>.</summary>
    public Dataset(string name, IdMap users, IdMap items, IReadOnlyList<Interaction> interactions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(interactions);
        Name = name;
        Users = users;
        Items = items;
        Interactions = interactions;
        _matrix = new Lazy<InteractionMatrix>(() => InteractionMatrix.FromEntries(Users.Count, Items.Count, Interactions));
    }

    /// <summary>Short name, e.g. <c>ml-100k</c>.</summary>
    public string Name { get; }

    /// <summary>Raw user ids ↔ dense user indices.</summary>
    public IdMap Users { get; }

    /// <summary>Raw item ids ↔ dense item indices; the catalogue that rankings run over.</summary>
    public IdMap Items { get; }

    /// <summary>The interaction rows, one per (user, item) after cleaning.</summary>
    public IReadOnlyList<Interaction> Interactions { get; }

    /// <summary>Whether values are ratings or implicit weights.</summary>
    public FeedbackKind Feedback { get; init; } = FeedbackKind.Implicit;

    /// <summary>Smallest and largest valid rating for explicit data; null for implicit data.</summary>
    public (float Min, float Max)? RatingScale { get; init; }

    /// <summary>True when every interaction carries a timestamp.</summary>
    public bool HasTimestamps { get; init; }

    /// <summary>Metadata per item index (length = Items.Count at load time); entries may be null.</summary>
    public IReadOnlyList<ItemMetadata?> ItemMetadata { get; init; } = [];

    /// <summary>Attributes per user index (e.g. age, gender, occupation); entries may be null.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>?> UserAttributes { get; init; } = [];

    /// <summary>The knowledge graph attached to the items (see <see cref="WithKnowledge"/>), or null.</summary>
    public Knowledge.ItemKnowledge? Knowledge { get; init; }

    /// <summary>Per-item vector sources (text, knowledge-graph, image embeddings...) attached to this dataset, at most one per name.</summary>
    public IReadOnlyList<Features.ItemVectors> ItemVectors { get; init; } = [];

    /// <summary>For sources that ship a fixed train/test split: true at the index of every test row.</summary>
    public IReadOnlyList<bool>? FixedTestMask { get; init; }

    /// <summary>What loading and cleaning did.</summary>
    public CleaningReport Cleaning { get; init; } = new();

    /// <summary>The interactions as a users × items CSR matrix (built once, on first use).</summary>
    public InteractionMatrix Matrix => _matrix.Value;

    /// <summary>Title of an item when known, else its raw id.</summary>
    public string TitleOf(int item) => item < ItemMetadata.Count && ItemMetadata[item]?.Title is { } title ? title : Items[item];

    /// <summary>A dataset with the same users, items and metadata but other interaction rows.</summary>
    public Dataset WithInteractions(IReadOnlyList<Interaction> interactions, string? name = null) =>
        new(name ?? Name, Users, Items, interactions)
        {
            Feedback = Feedback,
            RatingScale = RatingScale,
            HasTimestamps = HasTimestamps,
            ItemMetadata = ItemMetadata,
            UserAttributes = UserAttributes,
            Cleaning = Cleaning,
            Knowledge = Knowledge,
            ItemVectors = ItemVectors,
        };

    /// <summary>This dataset with <paramref name="graph"/> attached, its entities linked to items by <see cref="KeyOf"/>.</summary>
    public Dataset WithKnowledge(Knowledge.KnowledgeGraph graph) =>
        new(Name, Users, Items, Interactions)
        {
            Feedback = Feedback,
            RatingScale = RatingScale,
            HasTimestamps = HasTimestamps,
            ItemMetadata = ItemMetadata,
            UserAttributes = UserAttributes,
            FixedTestMask = FixedTestMask,
            Cleaning = Cleaning,
            Knowledge = KnowRec.Knowledge.ItemKnowledge.Link(this, graph),
            ItemVectors = ItemVectors,
        };

    /// <summary>This dataset with other item metadata (one entry per item index); everything else, the knowledge graph included, is kept.</summary>
    public Dataset WithItemMetadata(IReadOnlyList<ItemMetadata?> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Count != Items.Count)
        {
            throw new ArgumentException($"Expected metadata for {Items.Count} items, got {metadata.Count}.", nameof(metadata));
        }

        return new(Name, Users, Items, Interactions)
        {
            Feedback = Feedback,
            RatingScale = RatingScale,
            HasTimestamps = HasTimestamps,
            ItemMetadata = metadata,
            UserAttributes = UserAttributes,
            FixedTestMask = FixedTestMask,
            Cleaning = Cleaning,
            Knowledge = Knowledge,
            ItemVectors = ItemVectors,
        };
    }

    /// <summary>This dataset with <paramref name="source"/> attached, replacing any source of the same name; everything else is kept.</summary>
    public Dataset WithItemVectors(Features.ItemVectors source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Vectors.Rows != Items.Count)
        {
            throw new ArgumentException($"Source '{source.Name}' has {source.Vectors.Rows} rows; the dataset has {Items.Count} items.", nameof(source));
        }

        return new(Name, Users, Items, Interactions)
        {
            Feedback = Feedback,
            RatingScale = RatingScale,
            HasTimestamps = HasTimestamps,
            ItemMetadata = ItemMetadata,
            UserAttributes = UserAttributes,
            FixedTestMask = FixedTestMask,
            Cleaning = Cleaning,
            Knowledge = Knowledge,
            ItemVectors = [.. ItemVectors.Where(v => v.Name != source.Name), source],
        };
    }

    /// <summary>The attached vector source called <paramref name="name"/>, or null.</summary>
    public Features.ItemVectors? ItemVectorsNamed(string name) => ItemVectors.FirstOrDefault(v => v.Name == name);

    /// <summary>The key an item is known by outside this dataset: its <see cref="ItemMetadata.SourceIdAttribute"/> when set, else its raw id.</summary>
    public string KeyOf(int item) =>
        item < ItemMetadata.Count && ItemMetadata[item] is { } metadata && metadata.Attributes.TryGetValue(Data.ItemMetadata.SourceIdAttribute, out string? key)
            ? key
            : Items[item];
}
