using KnowRec.Data;

namespace KnowRec.Knowledge;

/// <summary>A knowledge graph bound to one dataset's item indices: which entity each item is, and back.</summary>
/// <remarks>
/// Items are matched to <see cref="KnowledgeGraph.ItemLinks"/> by <see cref="Dataset.KeyOf"/>, so renumbered
/// catalogues still find their entities. Splits share it, as they share the item map. Immutable and thread-safe.
/// </remarks>
public sealed class ItemKnowledge
{
    private readonly int[] _entityOfItem;
    private readonly Dictionary<int, int> _itemOfEntity;

    private ItemKnowledge(KnowledgeGraph graph, int[] entityOfItem)
    {
        Graph = graph;
        _entityOfItem = entityOfItem;
        _itemOfEntity = [];
        for (int item = 0; item < entityOfItem.Length; item++)
        {
            if (entityOfItem[item] >= 0)
            {
                // Two items linked to one entity (a remake sharing an id) keep the first as the entity's item.
                _itemOfEntity.TryAdd(entityOfItem[item], item);
            }
        }

        LinkedItems = entityOfItem.Count(e => e >= 0);
    }

    /// <summary>The graph.</summary>
    public KnowledgeGraph Graph { get; }

    /// <summary>Number of items in the dataset's catalogue.</summary>
    public int Items => _entityOfItem.Length;

    /// <summary>Number of items linked to an entity.</summary>
    public int LinkedItems { get; }

    /// <summary>The entity of an item, or -1 when the item is not linked.</summary>
    public int EntityOf(int item) => _entityOfItem[item];

    /// <summary>The item an entity stands for, or -1 when it stands for none.</summary>
    public int ItemOf(int entity) => _itemOfEntity.TryGetValue(entity, out int item) ? item : -1;

    /// <summary>Links <paramref name="data"/>'s items to the entities of <paramref name="graph"/>.</summary>
    public static ItemKnowledge Link(Dataset data, KnowledgeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(graph);
        var entityOfItem = new int[data.Items.Count];
        for (int item = 0; item < entityOfItem.Length; item++)
        {
            entityOfItem[item] = graph.ItemLinks.TryGetValue(data.KeyOf(item), out int entity) ? entity : -1;
        }

        return new ItemKnowledge(graph, entityOfItem);
    }
}
