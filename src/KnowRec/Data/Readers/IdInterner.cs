namespace KnowRec.Data.Readers;

/// <summary>Turns raw id spans into dense indices, allocating a string only the first time an id is seen.</summary>
internal sealed class IdInterner
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _ids = [];

    public IdInterner() => _lookup = _indexById.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _ids.Count;

    public string this[int index] => _ids[index];

    public int GetOrAdd(ReadOnlySpan<char> id)
    {
        if (_lookup.TryGetValue(id, out int index))
        {
            return index;
        }

        string text = id.ToString();
        index = _ids.Count;
        _indexById.Add(text, index);
        _ids.Add(text);
        return index;
    }

    public bool TryGet(ReadOnlySpan<char> id, out int index) => _lookup.TryGetValue(id, out index);
}
