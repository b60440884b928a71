namespace KnowRec.Knowledge.Linking;

/// <summary>Links the items of one catalogue to those of another by normalised title, aliases and year.</summary>
/// <remarks>
/// Each item's title is parsed by <see cref="MovieTitle.Parse"/> into a main title and aliases, each folded to a key
/// by <see cref="MovieTitle.Key"/>. The confidence of a (source, target) pair is the best
/// <see cref="TitleSimilarity"/> over their title pairs times a year factor: 1 for the same year, 0.9 per year of
/// difference up to <see cref="LinkOptions.YearTolerance"/>, 0.85 when either year is unknown, and no candidate beyond
/// the tolerance (remakes share titles, not years). This is the deterministic field-comparison scheme of
/// Fellegi &amp; Sunter (1969) with hand-set agreement weights rather than estimated ones. Candidates are the targets
/// sharing an exact key with the source, plus every target within the year tolerance. Keys are never compared:
/// they are what the result reports. Deterministic; ties go to the earlier target.
/// </remarks>
public static class TitleLinker
{
    /// <summary>Decides for every source item whether it links to one target, is ambiguous, or stays unlinked.</summary>
    public static LinkResult Link(IReadOnlyList<TitledItem> sources, IReadOnlyList<TitledItem> targets, LinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        options ??= new LinkOptions();
        options.Validate();
        var prepared = targets.Select(Prepare).ToArray();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byYear = new Dictionary<int, List<int>>();
        for (int t = 0; t < prepared.Length; t++)
        {
            foreach (var title in prepared[t].Titles)
            {
                AddTo(byKey, title.Key, t);
            }

            if (prepared[t].Year is { } year)
            {
                AddTo(byYear, year, t);
            }
        }

        var links = new ItemLink[sources.Count];
        Parallel.For(0, sources.Count, s => links[s] = Decide(sources[s], Prepare(sources[s]), targets, prepared, byKey, byYear, options));
        return new LinkResult(links, [.. targets.Select(t => t.Key)]);
    }

    /// <summary>The confidence that <paramref name="a"/> and <paramref name="b"/> are the same item, in [0, 1].</summary>
    public static double Confidence(TitledItem a, TitledItem b, int yearTolerance = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Confidence(Prepare(a), Prepare(b), yearTolerance);
    }

    private static ItemLink Decide(
        TitledItem source, Entry entry, IReadOnlyList<TitledItem> targets, Entry[] prepared,
        Dictionary<string, List<int>> byKey, Dictionary<int, List<int>> byYear, LinkOptions options)
    {
        var candidates = new SortedSet<int>();
        foreach (var title in entry.Titles)
        {
            if (byKey.TryGetValue(title.Key, out var same))
            {
                candidates.UnionWith(same);
            }
        }

        if (entry.Year is { } year)
        {
            for (int y = year - options.YearTolerance; y <= year + options.YearTolerance; y++)
            {
                if (byYear.TryGetValue(y, out var near))
                {
                    candidates.UnionWith(near);
                }
            }
        }

        int best = -1, second = -1;
        double bestScore = 0, secondScore = 0;
        foreach (int t in candidates)
        {
            double score = Confidence(entry, prepared[t], options.YearTolerance);
            if (score > bestScore)
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (t, score);
            }
            else if (score > secondScore)
            {
                (second, secondScore) = (t, score);
            }
        }

        var status = bestScore < options.Threshold ? LinkStatus.Unlinked
            : second >= 0 && secondScore >= bestScore - options.AmbiguityMargin ? LinkStatus.Ambiguous
            : LinkStatus.Linked;
        return new ItemLink(
            source.Key, status, best >= 0 ? targets[best].Key : null, Math.Round(bestScore, 4), second >= 0 ? targets[second].Key : null, Math.Round(secondScore, 4));
    }

    private static double Confidence(Entry a, Entry b, int yearTolerance)
    {
        double year = YearFactor(a.Year, b.Year, yearTolerance);
        if (year == 0)
        {
            return 0;
        }

        double title = 0;
        foreach (var x in a.Titles)
        {
            foreach (var y in b.Titles)
            {
                title = Math.Max(title, TitleSimilarity.Of(x, y));
            }
        }

        return title * year;
    }

    private static double YearFactor(int? a, int? b, int tolerance)
    {
        if (a is null || b is null)
        {
            return 0.85;
        }

        int gap = Math.Abs(a.Value - b.Value);
        return gap > tolerance ? 0 : Math.Pow(0.9, gap);
    }

    private static Entry Prepare(TitledItem item)
    {
        var title = MovieTitle.Parse(item.Title, item.Year);
        var keys = title.All.Select(MovieTitle.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal);
        return new Entry([.. keys.Select(k => new TitleSimilarity.Prepared(k))], title.Year);
    }

    private static void AddTo<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(value);
    }

    private sealed record Entry(TitleSimilarity.Prepared[] Titles, int? Year);
}
