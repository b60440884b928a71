using Candidate = KnowRec.Knowledge.Paths.PathWorkspace.Candidate;

namespace KnowRec.Knowledge.Paths;

public sealed partial class PathFinder
{
    private List<KnowledgePath> Search(ReadOnlySpan<int> history, ReadOnlySpan<float> values, int item, int target, int count)
    {
        var ws = PathWorkspace.For(_graph.Entities.Count);
        ws.NextTarget();
        int generation = ws.TargetGeneration;
        Members(target, ws.TargetMembers);
        foreach (int member in ws.TargetMembers)
        {
            ws.TargetMark[member] = generation;
            ws.TargetSlot[member] = IsTarget;
        }

        if (_options.MaxKnowledgeHops >= 2)
        {
            foreach (int member in ws.TargetMembers)
            {
                MarkInto(ws, _graph.Outgoing, member, forward: false, via: -1);
                MarkInto(ws, _graph.Incoming, member, forward: true, via: -1);
            }
        }

        if (_options.MaxKnowledgeHops >= 3)
        {
            MarkSecondLevel(ws);
        }

        var best = new Candidate[count];
        int kept = 0;
        for (int position = 0; position < history.Length; position++)
        {
            int h = history[position];
            if ((uint)h >= (uint)_knowledge.Items)
            {
                throw new ArgumentException($"History item {h} is not an item index of {_data.Name}.", nameof(history));
            }

            int source = _knowledge.EntityOf(h);
            if (h == item || source < 0)
            {
                continue;
            }

            Members(source, ws.SourceMembers);
            if (SharesTarget(ws))
            {
                // Two items linked to one entity (a remake sharing an id) would explain an item by itself.
                continue;
            }

            double weight = HistoryWeight(values[position]);
            ws.NextHistoryItem();
            foreach (int member in ws.SourceMembers)
            {
                Scan(ws, _graph.Outgoing, forward: true, member, position, weight);
                Scan(ws, _graph.Incoming, forward: false, member, position, weight);
            }

            KeepBestOf(ws.ItemPaths, best, ref kept, history);
        }

        var paths = new List<KnowledgePath>(kept);
        for (int i = 0; i < kept; i++)
        {
            var c = best[i];
            var hops = new List<PathHop>(c.Hops) { c.First };
            if (c.Route >= 0)
            {
                var route = ws.Routes[c.Route];
                hops.Add(route.First);
                if (route.HasSecond)
                {
                    hops.Add(route.Second);
                }
            }

            paths.Add(new KnowledgePath(history[c.Position], values[c.Position], item, hops, c.Score));
        }

        return paths;
    }

    /// <summary>Pairs each edge of the history item's entity with a route to the target; keeps the best per entity.</summary>
    private void Scan(PathWorkspace ws, GraphEdges edges, bool forward, int source, int position, double weight)
    {
        int generation = ws.TargetGeneration;
        var relations = edges.RelationsOf(source);
        var neighbours = edges.NeighboursOf(source);
        for (int k = 0; k < neighbours.Length; k++)
        {
            int e = neighbours[k];
            if (e == source || ws.TargetMark[e] != generation || _identity[relations[k]] || ws.SourceMembers.Contains(e))
            {
                continue;
            }

            var first = new PathHop(source, relations[k], e, forward);
            double score = weight * _relationFactor[first.Relation];
            Candidate candidate;
            if (ws.TargetSlot[e] == IsTarget)
            {
                candidate = new Candidate(score, position, first, Route: -1, Hops: 1);
            }
            else
            {
                int slot = ws.TargetSlot[e];
                var route = ws.Routes[slot];
                candidate = new Candidate(score * _specificity[e] * route.Factor, position, first, slot, route.HasSecond ? 3 : 2);
            }

            if (candidate.Score <= 0)
            {
                continue;
            }

            if (ws.SeenMark[e] != ws.SeenGeneration)
            {
                ws.SeenMark[e] = ws.SeenGeneration;
                ws.SeenSlot[e] = ws.ItemPaths.Count;
                ws.ItemPaths.Add(candidate);
            }
            else if (candidate.Score > ws.ItemPaths[ws.SeenSlot[e]].Score)
            {
                ws.ItemPaths[ws.SeenSlot[e]] = candidate;
            }
        }
    }

    /// <summary>Offers one history item's paths to the buffer, only its best <see cref="PathOptions.PathsPerHistoryItem"/> when limited.</summary>
    private void KeepBestOf(List<Candidate> paths, Candidate[] best, ref int kept, ReadOnlySpan<int> history)
    {
        int limit = _options.PathsPerHistoryItem;
        if (limit == 0 || paths.Count <= limit)
        {
            foreach (var candidate in paths)
            {
                Keep(best, ref kept, candidate, history);
            }

            return;
        }

        // The limit is small: pick the best remaining one at a time, moving it to the front.
        for (int taken = 0; taken < limit; taken++)
        {
            int top = taken;
            for (int i = taken + 1; i < paths.Count; i++)
            {
                if (Better(paths[i], paths[top], history))
                {
                    top = i;
                }
            }

            (paths[taken], paths[top]) = (paths[top], paths[taken]);
            Keep(best, ref kept, paths[taken], history);
        }
    }

    /// <summary>Inserts into the sorted best-first buffer when it beats the worst kept.</summary>
    private static void Keep(Candidate[] best, ref int kept, Candidate candidate, ReadOnlySpan<int> history)
    {
        if (kept == best.Length && !Better(candidate, best[kept - 1], history))
        {
            return;
        }

        int at = kept == best.Length ? kept - 1 : kept++;
        while (at > 0 && Better(candidate, best[at - 1], history))
        {
            best[at] = best[at - 1];
            at--;
        }

        best[at] = candidate;
    }

    private static bool Better(in Candidate a, in Candidate b, ReadOnlySpan<int> history)
    {
        if (a.Score != b.Score)
        {
            return a.Score > b.Score;
        }

        if (a.Hops != b.Hops)
        {
            return a.Hops < b.Hops;
        }

        int ha = history[a.Position], hb = history[b.Position];
        if (ha != hb)
        {
            return ha < hb;
        }

        if (a.First.To != b.First.To)
        {
            return a.First.To < b.First.To;
        }

        return a.Position < b.Position;
    }
}
