using KnowRec.Knowledge;
using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Knowledge;

public sealed class KnowledgeGraphTests
{
    // Heat -director-> Mann, Collateral -director-> Mann, Heat -genre-> Crime, Heat -genre-> Crime (repeat), Alone (no edges).
    private static KnowledgeGraph Small()
    {
        var b = new KnowledgeGraphBuilder();
        b.Link("6", "film:heat", "Heat (1995)");
        b.Link("9", "film:collateral", "Collateral (2004)");
        b.Add("film:heat", "directed by", "person:michael mann");
        b.Add("film:collateral", "directed by", "person:michael mann");
        b.Add("film:heat", "genre", "genre:crime");
        b.Add("film:heat", "genre", "genre:crime");
        b.Entity("person:michael mann", "Michael Mann");
        b.Entity("alone");
        return b.Build("small");
    }

    [Fact]
    public void Build_KeepsRepeatedTriplesOnceAndSortsThem()
    {
        var g = Small();
        Assert.Equal(3, g.Triples.Count);
        var sorted = g.Triples.OrderBy(t => t.Head).ThenBy(t => t.Relation).ThenBy(t => t.Tail).ToList();
        Assert.Equal(sorted, g.Triples);
        Assert.Equal(5, g.Entities.Count);
        Assert.Equal(2, g.Relations.Count);
    }

    [Fact]
    public void Adjacency_ListsEveryTripleOnceInEachDirection()
    {
        var g = Small();
        int heat = g.Entities.TryGetIndex("film:heat", out int h) ? h : -1;
        int mann = g.Entities.TryGetIndex("person:michael mann", out int m) ? m : -1;
        Assert.Equal(2, g.Outgoing.DegreeOf(heat));
        Assert.Equal(0, g.Incoming.DegreeOf(heat));
        Assert.Equal(2, g.Incoming.DegreeOf(mann));
        Assert.Equal(0, g.Outgoing.DegreeOf(mann));
        var heads = g.Incoming.NeighboursOf(mann).ToArray().Select(e => g.Entities[e]).Order(StringComparer.Ordinal);
        Assert.Equal(["film:collateral", "film:heat"], heads);
        Assert.All(g.Incoming.RelationsOf(mann).ToArray(), r => Assert.Equal("directed by", g.Relations[r]));

        // Rebuilding the triple list from either view gives the same set.
        var fromOut = new List<Triple>();
        var fromIn = new List<Triple>();
        for (int e = 0; e < g.Entities.Count; e++)
        {
            for (int i = 0; i < g.Outgoing.DegreeOf(e); i++)
            {
                fromOut.Add(new Triple(e, g.Outgoing.RelationsOf(e)[i], g.Outgoing.NeighboursOf(e)[i]));
            }

            for (int i = 0; i < g.Incoming.DegreeOf(e); i++)
            {
                fromIn.Add(new Triple(g.Incoming.NeighboursOf(e)[i], g.Incoming.RelationsOf(e)[i], e));
            }
        }

        Assert.Equal(g.Triples.ToHashSet(), fromOut.ToHashSet());
        Assert.Equal(g.Triples.ToHashSet(), fromIn.ToHashSet());
    }

    [Fact]
    public void Names_FirstGivenNameWins_AndUnnamedEntitiesGiveNull()
    {
        var g = Small();
        Assert.Equal("Heat (1995)", g.NameOf(g.ItemLinks["6"]));
        g.Entities.TryGetIndex("person:michael mann", out int mann);
        Assert.Equal("Michael Mann", g.NameOf(mann));
        g.Entities.TryGetIndex("genre:crime", out int crime);
        Assert.Null(g.NameOf(crime));
    }

    [Fact]
    public void SampleNeighbours_DrawsOnlyRealEdges_CoversThemAll_AndGivesIsolatedEntitiesASelfEdge()
    {
        var g = Small();
        g.Entities.TryGetIndex("film:heat", out int heat);
        g.Entities.TryGetIndex("alone", out int alone);
        var random = new SplitMix64(7);
        var relations = new int[400];
        var neighbours = new int[400];
        Assert.Equal(2, g.SampleNeighbours(heat, bothDirections: true, ref random, relations, neighbours));
        var drawn = relations.Zip(neighbours).Distinct().Select(p => (g.Relations[p.First], g.Entities[p.Second])).Order().ToList();
        Assert.Equal([("directed by", "person:michael mann"), ("genre", "genre:crime")], drawn);

        // Both edges are drawn about equally often: 400 draws, p = 1/2, 5 sigma is 50.
        Assert.InRange(relations.Count(r => g.Relations[r] == "genre"), 150, 250);

        Assert.Equal(0, g.SampleNeighbours(alone, bothDirections: true, ref random, relations.AsSpan(0, 3), neighbours.AsSpan(0, 3)));
        Assert.Equal([-1, -1, -1], relations[..3]);
        Assert.Equal([alone, alone, alone], neighbours[..3]);
    }

    [Fact]
    public void SampleNeighbours_IncomingOnlyWhenAskedForBothDirections()
    {
        var g = Small();
        g.Entities.TryGetIndex("person:michael mann", out int mann);
        var random = new SplitMix64(1);
        var r = new int[8];
        var n = new int[8];
        Assert.Equal(0, g.SampleNeighbours(mann, bothDirections: false, ref random, r, n));
        Assert.Equal(2, g.SampleNeighbours(mann, bothDirections: true, ref random, r, n));
        Assert.DoesNotContain(mann, n);
    }

    [Fact]
    public void Statistics_CountsDegreesIsolatedAndRelations()
    {
        var s = Small().Statistics();
        Assert.Equal(5, s.Entities);
        Assert.Equal(3, s.Triples);
        Assert.Equal(2, s.LinkedItems);
        Assert.Equal(1, s.IsolatedEntities);
        Assert.Equal(6.0 / 5, s.MeanDegree, 12);
        Assert.Equal(2, s.MaxDegree);
        Assert.Equal([new("directed by", 2), new KeyValuePair<string, int>("genre", 1)], s.TriplesPerRelation);
    }

    [Fact]
    public void AddGraph_CopiesEverythingAndMergesSharedEntities()
    {
        var b = new KnowledgeGraphBuilder();
        b.AddGraph(Small());
        b.Add("film:thief", "directed by", "person:michael mann");
        var g = b.Build("merged");
        Assert.Equal(4, g.Triples.Count);
        Assert.Equal(6, g.Entities.Count);
        Assert.Equal("Michael Mann", g.NameOf(g.Entities.TryGetIndex("person:michael mann", out int m) ? m : -1));
        Assert.Equal(2, g.ItemLinks.Count);
    }

    [Fact]
    public void Builder_RejectsBadIndicesAndBlankIds()
    {
        var b = new KnowledgeGraphBuilder();
        int a = b.Entity("a");
        int r = b.Relation("r");
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add(a, r, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add(a, 3, a));
        Assert.Throws<ArgumentException>(() => b.Entity(" "));
        Assert.Throws<ArgumentException>(() => b.Link("", "a"));
    }
}
