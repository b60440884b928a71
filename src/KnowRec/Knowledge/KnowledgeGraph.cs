using KnowRec.Data;

namespace KnowRec.Knowledge;

/// <summary>Typed entities and relations, their triples, and the links from catalogue items to entities.</summary>
/// <remarks>
/// Raw ids outside, dense indices inside: <see cref="Entities"/> and <see cref="Relations"/> map the raw ids of the
/// source (a Freebase MID, a Satori number, <c>person:michael mann</c>) to indices that <see cref="Triples"/> use.
/// <see cref="ItemLinks"/> maps an item key (the raw item id of the source catalogue) to its entity. Triples are
/// unique and sorted, both adjacency views are built once. Build one with <see cref="KnowledgeGraphBuilder"/> or a
/// loader in <see cref="Loaders.KnowledgeGraphLoader"/>. Immutable and thread-safe.
/// </remarks>
public sealed partial class KnowledgeGraph
{
    private readonly Triple[] _triples;
    private readonly string?[] _names;
    private readonly Dictionary<string, int> _itemLinks;

    internal KnowledgeGraph(string name, IdMap entities, IdMap relations, Triple[] triples, string?[] names, Dictionary<string, int> itemLinks)
    {
        Name = name;
        Entities = entities;
        Relations = relations;
        _triples = triples;
        _names = names;
        _itemLinks = itemLinks;
        Outgoing = new GraphEdges(entities.Count, triples, outgoing: true);
        Incoming = new GraphEdges(entities.Count, triples, outgoing: false);
    }

    /// <summary>Short name, e.g. <c>kg-ml1m-satori</c> or <c>ml-1m+catalogue</c>.</summary>
    public string Name { get; }

    /// <summary>Raw entity ids ↔ dense entity indices.</summary>
    public IdMap Entities { get; }

    /// <summary>Raw relation names ↔ dense relation indices.</summary>
    public IdMap Relations { get; }

    /// <summary>All distinct triples, sorted by head, relation, tail.</summary>
    public IReadOnlyList<Triple> Triples => _triples;

    /// <summary>Item key → entity index, for every item the source links.</summary>
    public IReadOnlyDictionary<string, int> ItemLinks => _itemLinks;

    /// <summary>Edges by head: (relation, tail) of each triple.</summary>
    public GraphEdges Outgoing { get; }

    /// <summary>Edges by tail: (relation, head) of each triple.</summary>
    public GraphEdges Incoming { get; }

    /// <summary>A readable name of the entity (a title or a person's name), or null when the source gives none.</summary>
    public string? NameOf(int entity) => _names[entity];

    /// <summary>Counts, degrees and the most common relations.</summary>
    public KnowledgeGraphStatistics Statistics() => KnowledgeGraphStatistics.Of(this);

    /// <summary>
    /// Draws <paramref name="relations"/>.Length neighbours of <paramref name="entity"/> uniformly with replacement
    /// over its outgoing and, when <paramref name="bothDirections"/>, incoming edges.
    /// </summary>
    /// <remarks>
    /// The fixed-size sampled receptive field of KGCN (Wang et al. 2019, §3.2) and RippleNet's ripple sets. An entity
    /// with no edges gets itself through a self edge of relation <c>-1</c>, so callers can treat every row alike.
    /// </remarks>
    /// <returns>The number of distinct edges the entity has in the chosen directions.</returns>
    public int SampleNeighbours(int entity, bool bothDirections, ref Numerics.SplitMix64 random, Span<int> relations, Span<int> neighbours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entity);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(entity, Entities.Count);
        if (relations.Length != neighbours.Length)
        {
            throw new ArgumentException("The relation and neighbour spans must have the same length.", nameof(neighbours));
        }

        int outDegree = Outgoing.DegreeOf(entity);
        int degree = outDegree + (bothDirections ? Incoming.DegreeOf(entity) : 0);
        for (int i = 0; i < relations.Length; i++)
        {
            if (degree == 0)
            {
                relations[i] = -1;
                neighbours[i] = entity;
                continue;
            }

            int pick = random.NextInt(degree);
            var side = pick < outDegree ? Outgoing : Incoming;
            int at = pick < outDegree ? pick : pick - outDegree;
            relations[i] = side.RelationsOf(entity)[at];
            neighbours[i] = side.NeighboursOf(entity)[at];
        }

        return degree;
    }
}
