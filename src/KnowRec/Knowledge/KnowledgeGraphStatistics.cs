namespace KnowRec.Knowledge;

/// <summary>What <c>knowrec kg info</c> prints: sizes, degrees and the relations by frequency.</summary>
/// <param name="Entities">Number of entities.</param>
/// <param name="Relations">Number of relation types.</param>
/// <param name="Triples">Number of distinct triples.</param>
/// <param name="LinkedItems">Number of item keys linked to an entity.</param>
/// <param name="IsolatedEntities">Entities with no triple at all.</param>
/// <param name="MeanDegree">Mean of in + out degree over all entities.</param>
/// <param name="MaxDegree">Largest in + out degree.</param>
/// <param name="TriplesPerRelation">Relation name → triple count, most frequent first.</param>
public sealed record KnowledgeGraphStatistics(
    int Entities,
    int Relations,
    int Triples,
    int LinkedItems,
    int IsolatedEntities,
    double MeanDegree,
    int MaxDegree,
    IReadOnlyList<KeyValuePair<string, int>> TriplesPerRelation)
{
    internal static KnowledgeGraphStatistics Of(KnowledgeGraph graph)
    {
        var perRelation = new int[graph.Relations.Count];
        foreach (var t in graph.Triples)
        {
            perRelation[t.Relation]++;
        }

        int isolated = 0, max = 0;
        long total = 0;
        for (int e = 0; e < graph.Entities.Count; e++)
        {
            int degree = graph.Outgoing.DegreeOf(e) + graph.Incoming.DegreeOf(e);
            isolated += degree == 0 ? 1 : 0;
            max = Math.Max(max, degree);
            total += degree;
        }

        var relations = Enumerable.Range(0, perRelation.Length)
            .Select(r => new KeyValuePair<string, int>(graph.Relations[r], perRelation[r]))
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        return new KnowledgeGraphStatistics(
            graph.Entities.Count,
            graph.Relations.Count,
            graph.Triples.Count,
            graph.ItemLinks.Count,
            isolated,
            graph.Entities.Count == 0 ? 0 : (double)total / graph.Entities.Count,
            max,
            relations);
    }
}
