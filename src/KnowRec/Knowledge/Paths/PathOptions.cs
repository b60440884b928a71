namespace KnowRec.Knowledge.Paths;

/// <summary>How far and how wide <see cref="PathFinder"/> searches.</summary>
public sealed record PathOptions
{
    /// <summary>
    /// Most knowledge-graph hops between the history item and the recommended item: 1 (direct item–item facts),
    /// 2 (through one shared entity; the default: paths of length ≤ 3 from the user), or 3 (through two entities).
    /// </summary>
    public int MaxKnowledgeHops { get; init; } = 2;

    /// <summary>
    /// With three hops, entities next to the recommended item that have more edges than this are not expanded a second
    /// time: a hub such as a genre would add thousands of weak two-entity routes. Default 256.
    /// </summary>
    public int HubDegreeLimit { get; init; } = 256;

    /// <summary>
    /// Most paths kept from any one history item (its best ones), so the reasons name different things the user
    /// chose; 0 keeps every path. Default 1.
    /// </summary>
    public int PathsPerHistoryItem { get; init; } = 1;

    /// <summary>
    /// Relations that join two entities of one thing, walked for free: merged graphs join an item's entities from
    /// two sources by <c>same as</c> (<c>kg-ml1m-satori+auto</c>), and a path may leave from either. Default: <c>same as</c>.
    /// </summary>
    public IReadOnlyList<string> IdentityRelations { get; init; } = ["same as"];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad property.</summary>
    public void Validate()
    {
        if (MaxKnowledgeHops is < 1 or > 3)
        {
            throw new ArgumentException($"MaxKnowledgeHops must be 1, 2 or 3, got {MaxKnowledgeHops}.", nameof(MaxKnowledgeHops));
        }

        if (PathsPerHistoryItem < 0)
        {
            throw new ArgumentException($"PathsPerHistoryItem must be 0 (no limit) or more, got {PathsPerHistoryItem}.", nameof(PathsPerHistoryItem));
        }

        if (IdentityRelations is null)
        {
            throw new ArgumentException("IdentityRelations must not be null; give an empty list for none.", nameof(IdentityRelations));
        }

        if (HubDegreeLimit < 1)
        {
            throw new ArgumentException($"HubDegreeLimit must be at least 1, got {HubDegreeLimit}.", nameof(HubDegreeLimit));
        }
    }
}
