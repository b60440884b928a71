namespace KnowRec.Data;

/// <summary>Maps raw string ids (as they appear in data files and requests) to dense zero-based indices and back.</summary>
/// <remarks>
/// Indices are handed out in order of first appearance, so the same input order always gives the same map.
/// Reads are thread-safe once no more ids are added; adding is not thread-safe.
/// </remarks>
public sealed class IdMap
{
    private readonly Dictionary<string, int> _indexById;
    private readonly List<string> _ids;

    /// <summary>Creates an empty map.</summary>
    public IdMap()
    {
        _indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        _ids = [];
    }

    /// <summary>Creates a map holding <paramref name="ids"/> at indices 0..n-1, in order.</summary>
    /// <exception cref="ArgumentException">An id occurs twice.</exception>
    public IdMap(IEnumerable<string> ids)
        : this()
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (string id in ids)
        {
            if (!_indexById.TryAdd(id, _ids.Count))
            {
                throw new ArgumentException($"Duplicate id '{id}'.", nameof(ids));
            }

            _ids.Add(id);
        }
    }

    /// <summary>Number of ids in the map.</summary>
    public int Count => _ids.Count;

    /// <summary>The raw id at a dense index.</summary>
    public string this[int index] => _ids[index];

    /// <summary>All raw ids in index order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Returns the index of <paramref name="id"/>, adding it at the end when it is new.</summary>
    public int GetOrAdd(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_indexById.TryGetValue(id, out int index))
        {
            return index;
        }

        index = _ids.Count;
        _indexById.Add(id, index);
        _ids.Add(id);
        return index;
    }

    /// <summary>Looks up the index of a raw id without adding it.</summary>
    public bool TryGetIndex(string id, out int index) => _indexById.TryGetValue(id, out index);

    /// <summary>True when the raw id is in the map.</summary>
    public bool Contains(string id) => _indexById.ContainsKey(id);

    /// <summary>A copy that can grow independently of this map.</summary>
    public IdMap Clone() => new(_ids);
}
