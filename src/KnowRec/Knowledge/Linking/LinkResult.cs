namespace KnowRec.Knowledge.Linking;

/// <summary>Every source item's linking decision, with counts per status.</summary>
public sealed class LinkResult
{
    private readonly Dictionary<string, ItemLink> _bySource;

    /// <summary>Wraps the decisions (one per source item, in source order) and the keys of all targets.</summary>
    public LinkResult(IReadOnlyList<ItemLink> links, IReadOnlyCollection<string> targetKeys)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(targetKeys);
        Links = links;
        TargetKeys = targetKeys;
        _bySource = new Dictionary<string, ItemLink>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            _bySource.TryAdd(link.SourceKey, link);
        }

        Linked = links.Count(l => l.Status == LinkStatus.Linked);
        Ambiguous = links.Count(l => l.Status == LinkStatus.Ambiguous);
        Unlinked = links.Count - Linked - Ambiguous;
    }

    /// <summary>One decision per source item, in source order.</summary>
    public IReadOnlyList<ItemLink> Links { get; }

    /// <summary>The keys of every target the sources were linked against.</summary>
    public IReadOnlyCollection<string> TargetKeys { get; }

    /// <summary>Source items linked to one target.</summary>
    public int Linked { get; }

    /// <summary>Source items with two close candidates, left unlinked.</summary>
    public int Ambiguous { get; }

    /// <summary>Source items with no candidate above the threshold.</summary>
    public int Unlinked { get; }

    /// <summary>The target linked to <paramref name="sourceKey"/>, or null.</summary>
    public string? TargetOf(string sourceKey) => _bySource.TryGetValue(sourceKey, out var link) ? link.Target : null;
}
