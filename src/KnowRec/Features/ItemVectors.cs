namespace KnowRec.Features;

/// <summary>
/// One named per-item vector source (a modality): text embeddings, knowledge-graph embeddings, genre one-hots, or
/// imported image or audio vectors. Row i describes item index i; an item the source says nothing about is marked
/// absent and its row is zero, so models can mask it rather than read the zeros as a real vector.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="Data.Dataset.ItemVectors"/> holds the sources attached to a dataset.</remarks>
public sealed class ItemVectors
{
    private readonly bool[] _present;

    /// <summary>Creates a source over <paramref name="vectors"/>; <paramref name="present"/> null means every item has a vector.</summary>
    /// <param name="name">Short name of the modality, e.g. <c>text</c>, <c>kg</c>, <c>image</c>; unique within a dataset.</param>
    /// <param name="vectors">One row per item index of the dataset.</param>
    /// <param name="present">Whether item i has a vector; rows of absent items must be all zero.</param>
    public ItemVectors(string name, FeatureMatrix vectors, IReadOnlyList<bool>? present = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(vectors);
        if (present is not null && present.Count != vectors.Rows)
        {
            throw new ArgumentException($"Source '{name}' has {vectors.Rows} rows but a presence mask of {present.Count}.", nameof(present));
        }

        _present = new bool[vectors.Rows];
        for (int i = 0; i < _present.Length; i++)
        {
            _present[i] = present?[i] ?? true;
            if (!_present[i] && vectors.Row(i).ContainsAnyExcept(0f))
            {
                throw new ArgumentException($"Source '{name}': item {i} is marked absent but its row is not zero.", nameof(present));
            }
        }

        Name = name;
        Vectors = vectors;
        PresentCount = _present.Count(p => p);
    }

    /// <summary>Short name of the modality.</summary>
    public string Name { get; }

    /// <summary>The vectors, one row per item index.</summary>
    public FeatureMatrix Vectors { get; }

    /// <summary>Length of each vector.</summary>
    public int Dimension => Vectors.Columns;

    /// <summary>Number of items that have a vector.</summary>
    public int PresentCount { get; }

    /// <summary>Whether <paramref name="item"/> has a vector in this source.</summary>
    public bool IsPresent(int item) => _present[item];

    /// <summary>The vector of <paramref name="item"/> (zeros when absent).</summary>
    public ReadOnlySpan<float> Row(int item) => Vectors.Row(item);
}
