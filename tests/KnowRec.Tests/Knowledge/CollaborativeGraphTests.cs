using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Tests.Contracts;
using KnowRec.Tests.Models.KnowledgeAware;
using Xunit;

namespace KnowRec.Tests.Knowledge;

public sealed class CollaborativeGraphTests
{
    [Fact]
    public void Build_HasUsersItemsThenOtherEntities_AndEveryEdgeBothWays()
    {
        // TinyData: 5 users, 6 items, 11 pairs; knowledge: 6 genre triples, 2 director triples over 3 non-item entities.
        var graph = CollaborativeGraph.Build(TinyKnowledge.Tiny());
        Assert.Equal(5, graph.Users);
        Assert.Equal(6, graph.Items);
        Assert.Equal(5 + 6 + 3, graph.Nodes);
        Assert.Equal(2, graph.KnowledgeRelations);
        Assert.Equal(6, graph.Relations);
        Assert.Equal((2 * 11) + (2 * 8), graph.Edges);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(5 + i, graph.NodeOfItem(i));
        }

        var edges = Edges(graph);
        foreach (var (h, r, t) in edges)
        {
            Assert.Contains((t, graph.InverseOf(r), h), edges);
        }

        // u0 → i3 is an interaction; i5 (no rows) reaches the drama genre and back.
        Assert.Contains((0, graph.InteractRelation, 5 + 3), edges);
        Assert.Contains((5 + 3, graph.InteractRelation + 1, 0), edges);
        Assert.Equal(1, edges.Count(e => e.Head == 5 + 5));
        Assert.DoesNotContain(edges, e => e.Head == 4);
    }

    [Fact]
    public void Build_SortsRowsByTailThenRelation()
    {
        var graph = CollaborativeGraph.Build(TinyKnowledge.Tiny());
        var starts = graph.EdgeStarts;
        for (int h = 0; h < graph.Nodes; h++)
        {
            for (int e = starts[h] + 1; e < starts[h + 1]; e++)
            {
                var (tail, previousTail) = (graph.EdgeTails[e], graph.EdgeTails[e - 1]);
                Assert.True(tail > previousTail || (tail == previousTail && graph.EdgeRelations[e] > graph.EdgeRelations[e - 1]));
            }
        }
    }

    [Fact]
    public void Build_GivesUnlinkedItemsTheirOwnNode_AndLinksSharedEntitiesOnce()
    {
        // i0 and i1 both link to one entity: i1 shares i0's node. i2 is unlinked; "lonely" has no triple and no item.
        var data = new Dataset("d", new IdMap(["u"]), new IdMap(["i0", "i1", "i2"]), [new Interaction(0, 0, 1), new Interaction(0, 1, 1), new Interaction(0, 2, 1)]);
        var b = new KnowledgeGraphBuilder();
        b.Link("i0", "film");
        b.Link("i1", "film");
        b.Add("film", "genre", "drama");
        b.Entity("lonely");
        var graph = CollaborativeGraph.Build(data.WithKnowledge(b.Build("g")));
        Assert.Equal(1 + 3 + 1, graph.Nodes);
        Assert.Equal(1, graph.NodeOfItem(0));
        Assert.Equal(1, graph.NodeOfItem(1));
        Assert.Equal(3, graph.NodeOfItem(2));

        // u → film once (not twice), u → i2, film ↔ drama: 2 + 2 + 2 edges.
        Assert.Equal(6, graph.Edges);
    }

    [Fact]
    public void Build_Throws_WithoutKnowledge()
    {
        var e = Assert.Throws<ArgumentException>(() => CollaborativeGraph.Build(TinyData.Create()));
        Assert.Contains("--kg", e.Message, StringComparison.Ordinal);
    }

    private static List<(int Head, int Relation, int Tail)> Edges(CollaborativeGraph graph)
    {
        var list = new List<(int, int, int)>();
        for (int h = 0; h < graph.Nodes; h++)
        {
            for (int e = graph.EdgeStarts[h]; e < graph.EdgeStarts[h + 1]; e++)
            {
                list.Add((h, graph.EdgeRelations[e], graph.EdgeTails[e]));
            }
        }

        return list;
    }
}
