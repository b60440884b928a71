namespace KnowRec.Knowledge.Paths;

/// <summary>
/// A reason to recommend an item: user → <see cref="HistoryItem"/> → <see cref="Hops"/> through the knowledge graph
/// → the recommended item.
/// </summary>
/// <param name="HistoryItem">Item index of the history item the path starts from.</param>
/// <param name="HistoryValue">The user's value for it (a rating, or 1 for implicit feedback).</param>
/// <param name="Item">Item index of the recommended item the path reaches.</param>
/// <param name="Hops">
/// Knowledge-graph steps from the history item's entity to the recommended item's entity: one for a direct
/// item–item fact, two through one shared entity, three through two. With merged graphs a hop may leave from, or
/// arrive at, an entity the item's own entity is <c>same as</c> (see <see cref="PathOptions.IdentityRelations"/>).
/// </param>
/// <param name="Score">s(p) = Π_j γ(r_j, e_j) (see <see cref="PathFinder"/>); larger is a stronger reason.</param>
public sealed record KnowledgePath(int HistoryItem, float HistoryValue, int Item, IReadOnlyList<PathHop> Hops, double Score)
{
    /// <summary>Edges from the user to the recommended item: the user–history edge plus the knowledge hops.</summary>
    public int Length => Hops.Count + 1;
}
