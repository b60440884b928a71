using KnowRec.Data;

namespace KnowRec.Knowledge;

/// <summary>Collects entities, relations, triples and item links by raw id, then builds an immutable <see cref="KnowledgeGraph"/>.</summary>
/// <remarks>Repeated triples are kept once; the first name given to an entity wins. Not thread-safe.</remarks>
public sealed class KnowledgeGraphBuilder
{
    private readonly IdMap _entities = new();
    private readonly IdMap _relations = new();
    private readonly List<Triple> _triples = [];
    private readonly List<string?> _names = [];
    private readonly Dictionary<string, int> _itemLinks = new(StringComparer.Ordinal);

    /// <summary>Number of entities so far.</summary>
    public int EntityCount => _entities.Count;

    /// <summary>Number of triples added so far, repeats included.</summary>
    public int TripleCount => _triples.Count;

    /// <summary>Returns the index of an entity, adding it when new; a non-null <paramref name="name"/> is kept if none is set yet.</summary>
    public int Entity(string id, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        int index = _entities.GetOrAdd(id);
        if (index == _names.Count)
        {
            _names.Add(null);
        }

        if (name is not null && _names[index] is null)
        {
            _names[index] = name;
        }

        return index;
    }

    /// <summary>Returns the index of a relation, adding it when new.</summary>
    public int Relation(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _relations.GetOrAdd(name);
    }

    /// <summary>Adds the fact <c>(head, relation, tail)</c> by raw ids.</summary>
    public void Add(string head, string relation, string tail) => Add(Entity(head), Relation(relation), Entity(tail));

    /// <summary>Adds a fact by indices this builder handed out.</summary>
    public void Add(int head, int relation, int tail)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(head, _entities.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(tail);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tail, _entities.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(relation);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(relation, _relations.Count);
        _triples.Add(new Triple(head, relation, tail));
    }

    /// <summary>Links the item with raw key <paramref name="itemKey"/> to an entity (added when new); a later link replaces an earlier one.</summary>
    public void Link(string itemKey, string entity, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemKey);
        _itemLinks[itemKey] = Entity(entity, name);
    }

    /// <summary>Copies every entity, relation, triple, name and item link of <paramref name="graph"/> into this builder.</summary>
    public void AddGraph(KnowledgeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var entity = new int[graph.Entities.Count];
        for (int e = 0; e < entity.Length; e++)
        {
            entity[e] = Entity(graph.Entities[e], graph.NameOf(e));
        }

        var relation = new int[graph.Relations.Count];
        for (int r = 0; r < relation.Length; r++)
        {
            relation[r] = Relation(graph.Relations[r]);
        }

        foreach (var t in graph.Triples)
        {
            _triples.Add(new Triple(entity[t.Head], relation[t.Relation], entity[t.Tail]));
        }

        foreach (var (key, e) in graph.ItemLinks)
        {
            _itemLinks[key] = entity[e];
        }
    }

    /// <summary>The graph built so far, with repeated triples removed.</summary>
    public KnowledgeGraph Build(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var triples = _triples.ToArray();
        Array.Sort(triples, static (a, b) =>
            a.Head != b.Head ? a.Head.CompareTo(b.Head) : a.Relation != b.Relation ? a.Relation.CompareTo(b.Relation) : a.Tail.CompareTo(b.Tail));
        int kept = 0;
        for (int i = 0; i < triples.Length; i++)
        {
            if (kept == 0 || triples[i] != triples[kept - 1])
            {
                triples[kept++] = triples[i];
            }
        }

        return new KnowledgeGraph(name, _entities.Clone(), _relations.Clone(), triples[..kept], [.. _names], new Dictionary<string, int>(_itemLinks, StringComparer.Ordinal));
    }
}
