namespace KnowRec.Knowledge.Paths;

/// <summary>Per-thread scratch of <see cref="PathFinder"/>: entity marks reset by bumping a generation, not by clearing.</summary>
internal sealed class PathWorkspace
{
    [ThreadStatic]
    private static PathWorkspace? _current;

    private int _targetGeneration;
    private int _seenGeneration;

    private PathWorkspace(int entities)
    {
        TargetMark = new int[entities];
        TargetSlot = new int[entities];
        SeenMark = new int[entities];
        SeenSlot = new int[entities];
    }

    /// <summary>Generation stamp per entity: equal to the current target generation when the entity reaches the target.</summary>
    public int[] TargetMark { get; }

    /// <summary>Index into <see cref="Routes"/> of a marked entity, or -1 for the target itself.</summary>
    public int[] TargetSlot { get; }

    /// <summary>Generation stamp per entity: set while one history item's edges are scanned.</summary>
    public int[] SeenMark { get; }

    /// <summary>Index into <see cref="ItemPaths"/> of an entity seen from the current history item.</summary>
    public int[] SeenSlot { get; }

    /// <summary>Routes from marked entities to the target.</summary>
    public List<Route> Routes { get; } = [];

    /// <summary>The target's entity and its identical entities.</summary>
    public List<int> TargetMembers { get; } = [];

    /// <summary>The current history item's entity and its identical entities.</summary>
    public List<int> SourceMembers { get; } = [];

    /// <summary>Best path per entity from the current history item.</summary>
    public List<Candidate> ItemPaths { get; } = [];

    public int TargetGeneration => _targetGeneration;

    public int SeenGeneration => _seenGeneration;

    /// <summary>The calling thread's workspace, large enough for <paramref name="entities"/>.</summary>
    public static PathWorkspace For(int entities)
    {
        if (_current is null || _current.TargetMark.Length < entities)
        {
            _current = new PathWorkspace(entities);
        }

        return _current;
    }

    public void NextTarget()
    {
        Routes.Clear();
        if (++_targetGeneration == int.MaxValue)
        {
            Array.Clear(TargetMark);
            _targetGeneration = 1;
        }
    }

    public void NextHistoryItem()
    {
        ItemPaths.Clear();
        if (++_seenGeneration == int.MaxValue)
        {
            Array.Clear(SeenMark);
            _seenGeneration = 1;
        }
    }

    /// <summary>How a marked entity reaches the target: one hop, or two through <see cref="Second"/>.<see cref="PathHop.From"/>.</summary>
    internal readonly record struct Route(double Factor, PathHop First, PathHop Second, bool HasSecond);

    /// <summary>A path under construction: the history position, its first hop and the route onwards (-1: the first hop reaches the target).</summary>
    internal readonly record struct Candidate(double Score, int Position, PathHop First, int Route, int Hops);
}
