using Route = KnowRec.Knowledge.Paths.PathWorkspace.Route;

namespace KnowRec.Knowledge.Paths;

/// <summary>Marking the neighbourhood of the recommended item, and the entities that stand for one item.</summary>
public sealed partial class PathFinder
{
    /// <summary>The entity and the entities joined to it by an identity relation (<see cref="PathOptions.IdentityRelations"/>).</summary>
    private void Members(int entity, List<int> into)
    {
        into.Clear();
        into.Add(entity);
        if (!_hasIdentity)
        {
            return;
        }

        AddIdentical(_graph.Outgoing, entity, into);
        AddIdentical(_graph.Incoming, entity, into);
    }

    private void AddIdentical(GraphEdges edges, int entity, List<int> into)
    {
        var relations = edges.RelationsOf(entity);
        var neighbours = edges.NeighboursOf(entity);
        for (int k = 0; k < neighbours.Length; k++)
        {
            if (_identity[relations[k]] && !into.Contains(neighbours[k]))
            {
                into.Add(neighbours[k]);
            }
        }
    }

    private static bool SharesTarget(PathWorkspace ws)
    {
        foreach (int member in ws.SourceMembers)
        {
            if (ws.TargetMark[member] == ws.TargetGeneration && ws.TargetSlot[member] == IsTarget)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks neighbours of the target's non-hub neighbours with their best two-hop route into the target.</summary>
    private void MarkSecondLevel(PathWorkspace ws)
    {
        int firstLevel = ws.Routes.Count;
        for (int slot = 0; slot < firstLevel; slot++)
        {
            int middle = ws.Routes[slot].First.From;
            if (_graph.Outgoing.DegreeOf(middle) + _graph.Incoming.DegreeOf(middle) > _options.HubDegreeLimit)
            {
                continue;
            }

            MarkInto(ws, _graph.Outgoing, middle, forward: false, via: slot);
            MarkInto(ws, _graph.Incoming, middle, forward: true, via: slot);
        }
    }

    /// <summary>
    /// Marks each neighbour n of <paramref name="to"/> with the hop n → <paramref name="to"/> (walked forward when the
    /// triple is (n, r, to), i.e. when scanning <paramref name="to"/>'s incoming edges), continued by route
    /// <paramref name="via"/> when <paramref name="to"/> is not the target itself.
    /// </summary>
    private void MarkInto(PathWorkspace ws, GraphEdges edges, int to, bool forward, int via)
    {
        int generation = ws.TargetGeneration;
        var relations = edges.RelationsOf(to);
        var neighbours = edges.NeighboursOf(to);
        Route onwards = via >= 0 ? ws.Routes[via] : default;
        for (int k = 0; k < neighbours.Length; k++)
        {
            int n = neighbours[k];
            bool marked = ws.TargetMark[n] == generation;
            if (n == to || _identity[relations[k]] || (marked && ws.TargetSlot[n] == IsTarget))
            {
                continue;
            }

            var hop = new PathHop(n, relations[k], to, forward);
            var route = via < 0
                ? new Route(_relationFactor[hop.Relation], hop, default, HasSecond: false)
                : new Route(_relationFactor[hop.Relation] * _specificity[to] * onwards.Factor, hop, onwards.First, HasSecond: true);
            if (!marked)
            {
                ws.TargetMark[n] = generation;
                ws.TargetSlot[n] = ws.Routes.Count;
                ws.Routes.Add(route);
            }
            else if (ws.Routes[ws.TargetSlot[n]] is var old && old.HasSecond == route.HasSecond && route.Factor > old.Factor)
            {
                // Only the best route of the same length: an entity next to the target keeps its direct hop.
                ws.Routes[ws.TargetSlot[n]] = route;
            }
        }
    }
}
