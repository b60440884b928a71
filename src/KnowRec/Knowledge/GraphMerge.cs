using System.Globalization;
using KnowRec.Knowledge.Catalogue;

namespace KnowRec.Knowledge;

/// <summary>Merges several knowledge graphs about one catalogue into one graph.</summary>
/// <remarks>
/// Entities with the same raw id in two graphs are one entity (a Freebase MID is the same film in every graph that
/// uses it), except that a graph whose entity ids are all plain integers (the local numbering of MKR / RippleNet
/// releases such as <c>kg-ml1m-satori</c>) has them qualified as <c>GRAPH:ID</c>, since entity 7 of one release has
/// nothing to do with entity 7 of another. Relations are merged by name.
/// <para>
/// Item links: the first graph (in the order given) that links an item keeps the link; every later graph's entity
/// for the same item is joined to it by a <c>same as</c> triple (kept entity → other entity), so nothing either graph
/// knows about the item is lost and models reach the other graph's facts one hop further. With
/// <c>kg-ml1m-satori+auto</c> a Satori-linked movie keeps its Satori entity and gains <c>same as</c> → <c>item:ID</c>;
/// with <c>auto+kg-ml1m-satori</c> the catalogue entity is kept instead.
/// </para>
/// </remarks>
public static class GraphMerge
{
    /// <summary>One graph holding every entity, relation, triple and name of <paramref name="graphs"/>, items joined as described above.</summary>
    public static KnowledgeGraph Merge(IReadOnlyList<KnowledgeGraph> graphs, string name)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (graphs.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: no graphs given.", nameof(graphs));
        }

        var builder = new KnowledgeGraphBuilder();
        var kept = new Dictionary<string, (int Index, string Id)>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            bool qualify = graph.Entities.Count > 0 && Enumerable.Range(0, graph.Entities.Count).All(e => IsInteger(graph.Entities[e]));
            var entity = new int[graph.Entities.Count];
            var ids = new string[graph.Entities.Count];
            for (int e = 0; e < entity.Length; e++)
            {
                ids[e] = qualify ? $"{graph.Name}:{graph.Entities[e]}" : graph.Entities[e];
                entity[e] = builder.Entity(ids[e], graph.NameOf(e));
            }

            var relation = new int[graph.Relations.Count];
            for (int r = 0; r < relation.Length; r++)
            {
                relation[r] = builder.Relation(graph.Relations[r]);
            }

            foreach (var t in graph.Triples)
            {
                builder.Add(entity[t.Head], relation[t.Relation], entity[t.Tail]);
            }

            // Link in a fixed order (dictionary order is insertion order, but do not lean on that across sources).
            foreach (var (key, e) in graph.ItemLinks.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!kept.TryGetValue(key, out var first))
                {
                    kept[key] = (entity[e], ids[e]);
                }
                else if (first.Index != entity[e])
                {
                    builder.Add(first.Index, builder.Relation(CatalogueRelations.SameAs), entity[e]);
                }
            }
        }

        foreach (var (key, (_, id)) in kept)
        {
            builder.Link(key, id);
        }

        return builder.Build(name);
    }

    private static bool IsInteger(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
