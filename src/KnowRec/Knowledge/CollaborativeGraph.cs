using KnowRec.Data;

namespace KnowRec.Knowledge;

/// <summary>
/// The collaborative knowledge graph of KGAT (Wang, He, Cao, Liu, Chua 2019, §2): users and entities as nodes, every
/// training pair as an <c>interact</c> edge and every knowledge triple as an edge, each also in the inverse direction.
/// </summary>
/// <remarks>
/// Nodes: users first (<c>[0, Users)</c>), then one node per catalogue item (<c>Users + item</c>), then the entities
/// that are no item's. An item linked to an entity <em>is</em> that entity's node, so its knowledge edges reach it even
/// when it has no training rows (a cold item); an unlinked item keeps a node with interaction edges only. When two
/// items link to one entity, the second shares the first's node (its own node is left without edges). Entities with
/// neither triples nor items are left out. Relations: knowledge relation <c>r</c> keeps index <c>r</c>, its inverse is
/// <c>R + r</c>, <c>interact</c> (user → item) is <c>2R</c> and its inverse (item → user) <c>2R + 1</c>. Edges are kept in
/// compressed rows by head, sorted by tail then relation, without repeats. Immutable and thread-safe.
/// </remarks>
public sealed class CollaborativeGraph
{
    private readonly int[] _nodeOfItem;
    private readonly int[] _nodeOfEntity;
    private readonly int[] _starts;
    private readonly int[] _relations;
    private readonly int[] _tails;

    private CollaborativeGraph(int users, int knowledgeRelations, int nodes, int[] nodeOfItem, int[] nodeOfEntity, int[] starts, int[] relations, int[] tails)
    {
        Users = users;
        KnowledgeRelations = knowledgeRelations;
        Nodes = nodes;
        _nodeOfItem = nodeOfItem;
        _nodeOfEntity = nodeOfEntity;
        _starts = starts;
        _relations = relations;
        _tails = tails;
    }

    /// <summary>Number of user nodes (the first nodes).</summary>
    public int Users { get; }

    /// <summary>Number of catalogue items.</summary>
    public int Items => _nodeOfItem.Length;

    /// <summary>Number of nodes: users, items and the other entities.</summary>
    public int Nodes { get; }

    /// <summary>Number of relations R of the knowledge graph.</summary>
    public int KnowledgeRelations { get; }

    /// <summary>Number of relations of this graph: 2R + 2 (knowledge relations, their inverses, interact and its inverse).</summary>
    public int Relations => (2 * KnowledgeRelations) + 2;

    /// <summary>The relation of user → item edges (2R).</summary>
    public int InteractRelation => 2 * KnowledgeRelations;

    /// <summary>Number of edges, both directions counted.</summary>
    public int Edges => _tails.Length;

    /// <summary>Start of each head's edges; length <see cref="Nodes"/> + 1.</summary>
    public ReadOnlySpan<int> EdgeStarts => _starts;

    /// <summary>The relation of each edge.</summary>
    public ReadOnlySpan<int> EdgeRelations => _relations;

    /// <summary>The tail node of each edge.</summary>
    public ReadOnlySpan<int> EdgeTails => _tails;

    /// <summary>The node of a catalogue item.</summary>
    public int NodeOfItem(int item) => _nodeOfItem[item];

    /// <summary>The node of a knowledge graph entity, or -1 when the entity has neither triples nor items.</summary>
    public int NodeOfEntity(int entity) => _nodeOfEntity[entity];

    /// <summary>The inverse of a relation of this graph (r ↔ R + r, 2R ↔ 2R + 1).</summary>
    public int InverseOf(int relation)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)relation, (uint)Relations, nameof(relation));
        int r = KnowledgeRelations;
        return relation == 2 * r ? (2 * r) + 1 : relation == (2 * r) + 1 ? 2 * r : relation < r ? relation + r : relation - r;
    }

    /// <summary>Builds the graph of <paramref name="data"/>'s training pairs and its attached knowledge.</summary>
    /// <exception cref="ArgumentException">No knowledge graph is attached to <paramref name="data"/>.</exception>
    public static CollaborativeGraph Build(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var knowledge = data.Knowledge ?? throw new ArgumentException(
            $"Dataset '{data.Name}' has no knowledge graph attached: pass one with --kg NAME|PATH (or Dataset.WithKnowledge).", nameof(data));
        var graph = knowledge.Graph;
        var matrix = data.Matrix;
        int users = matrix.Users, items = matrix.Items, relations = graph.Relations.Count;

        // Entities that take part in a triple or stand for an item get a node; an item's entity is the item's node.
        var used = new bool[graph.Entities.Count];
        foreach (var t in graph.Triples)
        {
            used[t.Head] = used[t.Tail] = true;
        }

        var nodeOfEntity = new int[graph.Entities.Count];
        var nodeOfItem = new int[items];
        Array.Fill(nodeOfEntity, -1);
        for (int item = 0; item < items; item++)
        {
            int entity = knowledge.EntityOf(item);
            nodeOfItem[item] = users + item;
            if (entity >= 0)
            {
                if (nodeOfEntity[entity] < 0)
                {
                    nodeOfEntity[entity] = users + item;
                }
                else
                {
                    nodeOfItem[item] = nodeOfEntity[entity];
                }
            }
        }

        int nodes = users + items;
        for (int e = 0; e < nodeOfEntity.Length; e++)
        {
            if (nodeOfEntity[e] < 0 && used[e])
            {
                nodeOfEntity[e] = nodes++;
            }
        }

        // Edges as (head, tail, relation) keys; sorting them orders each row by tail then relation and exposes repeats.
        var keys = new List<(int Head, int Tail, int Relation)>((2 * matrix.NonZeros) + (2 * graph.Triples.Count));
        for (int u = 0; u < users; u++)
        {
            foreach (int item in matrix.ItemsOf(u))
            {
                keys.Add((u, nodeOfItem[item], 2 * relations));
                keys.Add((nodeOfItem[item], u, (2 * relations) + 1));
            }
        }

        foreach (var t in graph.Triples)
        {
            keys.Add((nodeOfEntity[t.Head], nodeOfEntity[t.Tail], t.Relation));
            keys.Add((nodeOfEntity[t.Tail], nodeOfEntity[t.Head], relations + t.Relation));
        }

        keys.Sort();
        var starts = new int[nodes + 1];
        var edgeRelations = new List<int>(keys.Count);
        var tails = new List<int>(keys.Count);
        for (int k = 0; k < keys.Count; k++)
        {
            if (k > 0 && keys[k] == keys[k - 1])
            {
                continue;
            }

            starts[keys[k].Head + 1]++;
            edgeRelations.Add(keys[k].Relation);
            tails.Add(keys[k].Tail);
        }

        for (int n = 0; n < nodes; n++)
        {
            starts[n + 1] += starts[n];
        }

        return new CollaborativeGraph(users, relations, nodes, nodeOfItem, nodeOfEntity, starts, [.. edgeRelations], [.. tails]);
    }
}
