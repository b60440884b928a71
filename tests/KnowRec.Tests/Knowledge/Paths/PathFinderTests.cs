using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Paths;
using Xunit;

namespace KnowRec.Tests.Knowledge.Paths;

public sealed class PathFinderTests
{
    private static readonly double Idf2 = Math.Log(5.0 / 2.0) / Math.Log(5.0);
    private static readonly double IdfGenre = Math.Log(5.0 / 4.0) / Math.Log(5.0);
    private static readonly PathOptions EveryPath = new() { PathsPerHistoryItem = 0 };

    [Fact]
    public void Find_ListsEveryPathBestFirst_WithHandComputedScores()
    {
        var data = PathGraphs.Films();
        var paths = new PathFinder(data, options: EveryPath).Find(user: 0, item: 1, count: 10);

        // (history item, entity between, score): the sequel fact first (w(4★) = 0.8, no entity), then D and W
        // tied at w(5★)·idf = 0.569 (lower entity first), A from the 3★ film, and the weak genre paths.
        var expected = new (int Item, string? Through, double Score)[]
        {
            (3, null, 0.8),
            (0, "D", Idf2),
            (0, "W", Idf2),
            (2, "A", 0.6 * Idf2),
            (0, "G", IdfGenre),
            (3, "G", 0.8 * IdfGenre),
            (2, "G", 0.6 * IdfGenre),
        };
        Assert.Equal(expected.Length, paths.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Item, paths[i].HistoryItem);
            Assert.Equal(expected[i].Score, paths[i].Score, 12);
            Assert.Equal(expected[i].Through is null ? 1 : 2, paths[i].Hops.Count);
            if (expected[i].Through is { } through)
            {
                Assert.Equal(data.Entity(through), paths[i].Hops[0].To);
            }
        }

        Assert.Equal(0.5693, paths[1].Score, 4);
        Assert.Equal(0.1386, paths[4].Score, 4);
    }

    [Fact]
    public void Find_StepsRecordTheTriplesWalked_AndAFactStoredBothWaysCountsOnce()
    {
        var data = PathGraphs.Films();
        var paths = new PathFinder(data, options: EveryPath).Find(0, 1, 10);
        int f0 = data.Entity("F0"), f1 = data.Entity("F1"), f3 = data.Entity("F3"), d = data.Entity("D");

        Assert.Equal(new PathHop(f3, data.Relation("film.film.sequel"), f1, Forward: true), Assert.Single(paths[0].Hops));

        // F1 → D is stored as film.film.director and as film.director.film; the target's own outgoing edge is kept.
        Assert.Single(paths, p => p.Hops[0].To == d);
        Assert.Equal(
            [new PathHop(f0, data.Relation("film.film.director"), d, Forward: true), new PathHop(d, data.Relation("film.film.director"), f1, Forward: false)],
            paths[1].Hops);
        Assert.Equal(5f, paths[1].HistoryValue);
        Assert.Equal(3, paths[1].Length);
    }

    [Fact]
    public void Find_ByDefault_KeepsTheBestPathOfEachHistoryItem()
    {
        var paths = new PathFinder(PathGraphs.Films()).Find(0, 1, 10);
        Assert.Equal([3, 0, 2], paths.Select(p => p.HistoryItem));
        Assert.Equal([0.8, Idf2, 0.6 * Idf2], paths.Select(p => p.Score), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Find_BreaksExactTies_ByHistoryItemThenEntity()
    {
        var data = PathGraphs.Films();
        var all = new PathFinder(data, options: EveryPath).Find(user: 1, item: 1, count: 3);
        Assert.All(all, p => Assert.Equal(Idf2, p.Score));
        Assert.Equal([(0, "D"), (0, "W"), (2, "A")], all.Select(p => (p.HistoryItem, data.Knowledge!.Graph.Entities[p.Hops[0].To])));

        var two = new PathFinder(data, options: EveryPath).Find(1, 1, 2);
        Assert.Equal(all.Take(2).Select(p => (p.HistoryItem, p.Score, p.Hops[0], p.Hops[1])), two.Select(p => (p.HistoryItem, p.Score, p.Hops[0], p.Hops[1])));
        var onePerItem = new PathFinder(data).Find(1, 1, 3);
        Assert.Equal([(0, "D"), (2, "A")], onePerItem.Select(p => (p.HistoryItem, data.Knowledge!.Graph.Entities[p.Hops[0].To])));
    }

    [Fact]
    public void Find_ThreeHops_ReachesThroughTwoEntities_UnlessTheHubLimitStopsIt()
    {
        var data = PathGraphs.Films();
        Assert.Empty(new PathFinder(data).Find(user: 2, item: 1, count: 3));

        var path = Assert.Single(new PathFinder(data, options: new PathOptions { MaxKnowledgeHops = 3 }).Find(2, 1, 3));
        int f4 = data.Entity("F4"), c2 = data.Entity("C2"), c1 = data.Entity("C1"), f1 = data.Entity("F1");
        int made = data.Relation("film.film.production_company"), parent = data.Relation("organization.organization.parent");
        Assert.Equal([new PathHop(f4, made, c2, true), new PathHop(c2, parent, c1, true), new PathHop(c1, made, f1, false)], path.Hops);
        Assert.Equal(1.0, path.Score, 12); // Both companies make one film each: idf = 1.
        Assert.Equal(4, path.Length);

        // C1 has two edges; a hub limit of one leaves it unexpanded.
        Assert.Empty(new PathFinder(data, options: new PathOptions { MaxKnowledgeHops = 3, HubDegreeLimit = 1 }).Find(2, 1, 3));
        Assert.Single(new PathFinder(data, options: new PathOptions { MaxKnowledgeHops = 3, HubDegreeLimit = 2 }).Find(2, 1, 3));
    }

    [Fact]
    public void Find_OneHop_KeepsOnlyDirectItemFacts()
    {
        var path = Assert.Single(new PathFinder(PathGraphs.Films(), options: new PathOptions { MaxKnowledgeHops = 1 }).Find(0, 1, 5));
        Assert.Equal(3, path.HistoryItem);
        Assert.Equal(2, path.Length);
    }

    [Fact]
    public void Find_UnlinkedItems_NoHistory_OrZeroCount_GiveNoPaths()
    {
        var data = PathGraphs.Films();
        var finder = new PathFinder(data);
        Assert.Empty(finder.Find(user: 0, item: 5, count: 3)); // target not linked
        Assert.Empty(finder.Find(user: 3, item: 1, count: 3)); // empty history
        Assert.Empty(finder.Find([5], [5f], item: 1, count: 3)); // only an unlinked history item
        Assert.Empty(finder.Find([1], [5f], item: 1, count: 3)); // the item itself
        Assert.Empty(finder.Find(user: 0, item: 1, count: 0));
        Assert.Empty(finder.Find(user: 0, item: 4, count: 3)); // F4 shares nothing within two hops
    }

    [Fact]
    public void Find_EntityNextToEveryItem_IsNoReason()
    {
        var b = new KnowledgeGraphBuilder();
        b.Link("0", "F0");
        b.Link("1", "F1");
        b.Add("F0", "film.film.genre", "Drama");
        b.Add("F1", "film.film.genre", "Drama");
        var data = new Dataset("two", new IdMap(["u"]), new IdMap(["0", "1"]), [new Interaction(0, 0, 1f)]).WithKnowledge(b.Build("two"));
        var finder = new PathFinder(data);
        Assert.Equal(0.0, finder.Specificity(data.Entity("Drama")));
        Assert.Empty(finder.Find(0, 1, 3));
    }

    [Fact]
    public void Find_MergedGraph_LeavesAndReachesItemsThroughSameAs()
    {
        // As GraphMerge joins kg-ml1m-satori+auto: items linked to Satori entities S0–S4, each "same as" its catalogue
        // entity C0–C4; only the catalogue knows the director, only Satori the genre.
        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < 5; i++)
        {
            b.Link($"{i}", $"S{i}");
            b.Add($"S{i}", "same as", $"C{i}");
        }

        b.Entity("mann", "Michael Mann");
        b.Add("C0", "directed by", "mann");
        b.Add("C1", "directed by", "mann");
        b.Add("S0", "film.film.genre", "G");
        b.Add("S1", "film.film.genre", "G");
        b.Add("S2", "film.film.genre", "G");
        var data = new Dataset("merged", new IdMap(["u"]), new IdMap(["0", "1", "2", "3", "4"]), [new Interaction(0, 0, 1f)])
        {
            ItemMetadata = [new ItemMetadata { Title = "Heat (1995)" }, new ItemMetadata { Title = "Collateral (2004)" }],
        }.WithKnowledge(b.Build("merged"));

        var finder = new PathFinder(data, options: EveryPath);
        Assert.Equal(Idf2, finder.Specificity(data.Entity("mann")), 12); // C0 and C1 count as items 0 and 1
        Assert.Equal(Math.Log(5.0 / 3.0) / Math.Log(5.0), finder.Specificity(data.Entity("G")), 12);
        var paths = finder.Find(0, 1, 5);
        Assert.Equal(2, paths.Count);
        int directed = data.Relation("directed by");
        Assert.Equal([new PathHop(data.Entity("C0"), directed, data.Entity("mann"), true), new PathHop(data.Entity("mann"), directed, data.Entity("C1"), false)], paths[0].Hops);
        Assert.Equal(Idf2, paths[0].Score, 12);
        Assert.Equal(data.Entity("G"), paths[1].Hops[0].To);
        Assert.DoesNotContain(paths.SelectMany(p => p.Hops), h => h.Relation == data.Relation("same as"));
        Assert.Equal(
            "You liked Heat (1995); it was directed by Michael Mann, who also directed Collateral (2004).",
            new PathNarrator(data).Describe(paths[0]));

        // Without the identity relation the catalogue half is out of reach.
        var plain = new PathFinder(data, options: new PathOptions { IdentityRelations = [], PathsPerHistoryItem = 0 }).Find(0, 1, 5);
        Assert.Equal(data.Entity("G"), Assert.Single(plain).Hops[0].To);
    }

    [Fact]
    public void Specificity_AndHistoryWeight_FollowTheirFormulas()
    {
        var data = PathGraphs.Films();
        var finder = new PathFinder(data);
        Assert.Equal(Idf2, finder.Specificity(data.Entity("D")), 12);
        Assert.Equal(IdfGenre, finder.Specificity(data.Entity("G")), 12);
        Assert.Equal(1.0, finder.Specificity(data.Entity("C2")), 12);
        Assert.Equal(1.0, finder.HistoryWeight(5f), 6);
        Assert.Equal(0.6, finder.HistoryWeight(3f), 6);
        Assert.Equal(0.2, finder.HistoryWeight(1f), 6);
        Assert.Equal(1.0, finder.HistoryWeight(9f), 6);

        var implicitData = new Dataset("i", data.Users, data.Items, data.Interactions).WithKnowledge(data.Knowledge!.Graph);
        Assert.Equal(1.0, new PathFinder(implicitData).HistoryWeight(1f));
        Assert.Equal(1.0, new PathFinder(implicitData).HistoryWeight(0.1f));
    }

    [Fact]
    public void Find_LearnedRelationWeights_ScaleEachHop_AndZeroDropsAPath()
    {
        var data = PathGraphs.Films();
        var weights = Enumerable.Repeat(1f, data.Knowledge!.Graph.Relations.Count + 2).ToArray(); // extra entries are ignored
        weights[data.Relation("film.film.director")] = 2f;
        weights[data.Relation("film.film.sequel")] = 0f;
        var finder = new PathFinder(data, new FixedWeights(weights), EveryPath);
        Assert.Equal(1.0, finder.RelationFactor(data.Relation("film.film.director")));
        Assert.Equal(0.5, finder.RelationFactor(data.Relation("film.film.genre")));

        var paths = finder.Find(0, 1, 10);
        Assert.Equal(
            [Idf2, 0.25 * Idf2, 0.6 * 0.25 * Idf2, 0.25 * IdfGenre, 0.8 * 0.25 * IdfGenre, 0.6 * 0.25 * IdfGenre],
            paths.Select(p => p.Score),
            new ToleranceComparer(1e-12));
        Assert.DoesNotContain(paths, p => p.Hops.Count == 1);
    }

    [Fact]
    public void Constructor_RejectsMissingGraphTooFewWeightsAndBadOptions()
    {
        var data = PathGraphs.Films();
        Assert.Throws<ArgumentException>(() => new PathFinder(new Dataset("bare", data.Users, data.Items, data.Interactions)));
        Assert.Throws<ArgumentException>(() => new PathFinder(data, new FixedWeights([1f, 2f])));
        Assert.Throws<ArgumentException>(() => new PathFinder(data, options: new PathOptions { MaxKnowledgeHops = 4 }));
        Assert.Throws<ArgumentException>(() => new PathFinder(data, options: new PathOptions { HubDegreeLimit = 0 }));
        Assert.Throws<ArgumentException>(() => new PathFinder(data, options: new PathOptions { PathsPerHistoryItem = -1 }));
        Assert.Throws<ArgumentException>(() => new PathFinder(data, options: new PathOptions { IdentityRelations = null! }));
        var finder = new PathFinder(data);
        Assert.Throws<ArgumentOutOfRangeException>(() => finder.Find(0, 6, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => finder.Find(4, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => finder.Find(0, 1, -1));
        Assert.Throws<ArgumentException>(() => finder.Find([0, 2], [5f], 1, 1));
        Assert.Throws<ArgumentException>(() => finder.Find([9], [5f], 1, 1));
    }

    [Fact]
    public void Find_FromManyThreads_GivesTheSameAnswers()
    {
        var data = PathGraphs.Films();
        var finder = new PathFinder(data, options: new PathOptions { MaxKnowledgeHops = 3, PathsPerHistoryItem = 0 });
        var expected = Enumerable.Range(0, 4).Select(u => finder.Find(u, 1, 10)).ToArray();
        Parallel.For(0, 400, i =>
        {
            var got = finder.Find(i % 4, 1, 10);
            Assert.Equal(expected[i % 4].Select(p => (p.HistoryItem, p.Score)), got.Select(p => (p.HistoryItem, p.Score)));
            Assert.Equal(expected[i % 4].SelectMany(p => p.Hops), got.SelectMany(p => p.Hops));
        });
    }

    private sealed class FixedWeights(float[] weights) : IRelationWeights
    {
        public IReadOnlyList<float> RelationWeights => weights;
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
