namespace KnowRec.Knowledge.Linking;

/// <summary>How good a <see cref="LinkResult"/> is against ground truth that gives both sides' items an external id.</summary>
/// <remarks>
/// A source and a target are the same item when both have an external id and the ids are equal (a Freebase MID
/// shared through KB4Rec, or the item id itself where both files use one catalogue's ids). Precision counts only
/// judged links (both ends have an id); recall divides the correct links by the sources that have a true target among
/// the targets; coverage is the share of all sources that got linked at all.
/// </remarks>
/// <param name="Sources">Source items.</param>
/// <param name="Linked">Source items linked to a target.</param>
/// <param name="Judged">Links whose two ends both have an external id.</param>
/// <param name="Correct">Judged links whose ends share the id.</param>
/// <param name="Linkable">Source items whose external id some target shares: the most links that can be correct.</param>
public sealed record LinkAccuracy(int Sources, int Linked, int Judged, int Correct, int Linkable)
{
    /// <summary>Correct / judged links (1 when nothing was judged).</summary>
    public double Precision => Judged == 0 ? 1 : (double)Correct / Judged;

    /// <summary>Correct links / linkable sources (1 when nothing is linkable).</summary>
    public double Recall => Linkable == 0 ? 1 : (double)Correct / Linkable;

    /// <summary>Linked / all source items.</summary>
    public double Coverage => Sources == 0 ? 0 : (double)Linked / Sources;

    /// <summary>Measures <paramref name="result"/> against external ids of source keys and of target keys.</summary>
    public static LinkAccuracy Measure(LinkResult result, IReadOnlyDictionary<string, string> sourceTruth, IReadOnlyDictionary<string, string> targetTruth)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sourceTruth);
        ArgumentNullException.ThrowIfNull(targetTruth);
        var targetIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in result.TargetKeys)
        {
            if (targetTruth.TryGetValue(key, out string? id))
            {
                targetIds.Add(id);
            }
        }

        int judged = 0, correct = 0, linkable = 0;
        foreach (var link in result.Links)
        {
            bool known = sourceTruth.TryGetValue(link.SourceKey, out string? sourceId);
            linkable += known && targetIds.Contains(sourceId!) ? 1 : 0;
            if (link.Target is { } target && known && targetTruth.TryGetValue(target, out string? targetId))
            {
                judged++;
                correct += sourceId == targetId ? 1 : 0;
            }
        }

        return new LinkAccuracy(result.Links.Count, result.Linked, judged, correct, linkable);
    }

    /// <summary>Measures <paramref name="result"/> taking keys as the truth: a source links correctly to the target with its own key.</summary>
    public static LinkAccuracy ByKey(LinkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sources = result.Links.Select(l => l.SourceKey).Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => k, StringComparer.Ordinal);
        var targets = result.TargetKeys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => k, StringComparer.Ordinal);
        return Measure(result, sources, targets);
    }
}
