namespace KnowRec.Knowledge;

/// <summary>Edges of a knowledge graph grouped by one endpoint, in compressed sparse row form.</summary>
/// <remarks>
/// For the outgoing view, row <c>e</c> lists the (relation, tail) of every triple whose head is <c>e</c>; for the
/// incoming view it lists (relation, head) of every triple whose tail is <c>e</c>. Rows are sorted by relation, then
/// by neighbour, so iteration order never depends on file order. Immutable and thread-safe.
/// </remarks>
public sealed class GraphEdges
{
    private readonly int[] _offsets;
    private readonly int[] _relations;
    private readonly int[] _neighbours;

    internal GraphEdges(int entities, IReadOnlyList<Triple> triples, bool outgoing)
    {
        _offsets = new int[entities + 1];
        foreach (var t in triples)
        {
            _offsets[(outgoing ? t.Head : t.Tail) + 1]++;
        }

        for (int e = 0; e < entities; e++)
        {
            _offsets[e + 1] += _offsets[e];
        }

        _relations = new int[triples.Count];
        _neighbours = new int[triples.Count];
        int[] next = _offsets[..^1];
        foreach (var t in triples)
        {
            int at = next[outgoing ? t.Head : t.Tail]++;
            _relations[at] = t.Relation;
            _neighbours[at] = outgoing ? t.Tail : t.Head;
        }

        for (int e = 0; e < entities; e++)
        {
            SortRow(_offsets[e], _offsets[e + 1]);
        }
    }

    /// <summary>Number of rows (entities).</summary>
    public int Count => _offsets.Length - 1;

    /// <summary>Number of edges in the row of <paramref name="entity"/>.</summary>
    public int DegreeOf(int entity) => _offsets[entity + 1] - _offsets[entity];

    /// <summary>The relation of each edge in the row of <paramref name="entity"/>.</summary>
    public ReadOnlySpan<int> RelationsOf(int entity) => _relations.AsSpan(_offsets[entity], DegreeOf(entity));

    /// <summary>The entity at the other end of each edge in the row of <paramref name="entity"/>.</summary>
    public ReadOnlySpan<int> NeighboursOf(int entity) => _neighbours.AsSpan(_offsets[entity], DegreeOf(entity));

    private void SortRow(int start, int end)
    {
        if (end - start < 2)
        {
            return;
        }

        var keys = new long[end - start];
        for (int i = start; i < end; i++)
        {
            keys[i - start] = ((long)_relations[i] << 32) | (uint)_neighbours[i];
        }

        Array.Sort(keys);
        for (int i = start; i < end; i++)
        {
            _relations[i] = (int)(keys[i - start] >> 32);
            _neighbours[i] = (int)keys[i - start];
        }
    }
}
