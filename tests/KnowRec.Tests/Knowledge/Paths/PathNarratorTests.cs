using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Paths;
using Xunit;

namespace KnowRec.Tests.Knowledge.Paths;

public sealed class PathNarratorTests
{
    [Fact]
    public void Describe_NamedPerson_ReadsAsTheIssueExample()
    {
        var data = Heat(b =>
        {
            b.Entity("mann", "Michael Mann");
            b.Add("heat", "film.film.director", "mann");
            b.Add("collateral", "film.film.director", "mann");
        });
        Assert.Equal("You rated Heat (1995) highly; it was directed by Michael Mann, who also directed Collateral (2004).", Explain(data));
    }

    [Fact]
    public void Describe_InverseRelationNames_ReadTheSame()
    {
        var data = Heat(b =>
        {
            b.Entity("mann", "Michael Mann");
            b.Add("mann", "film.director.film", "heat");
            b.Add("mann", "film.director.film", "collateral");
        });
        Assert.Equal("You rated Heat (1995) highly; it was directed by Michael Mann, who also directed Collateral (2004).", Explain(data));
    }

    [Fact]
    public void Describe_CatalogueRelations_ReadAsSentences()
    {
        var genre = Heat(b =>
        {
            b.Entity("crime", "Crime");
            b.Add("heat", "has genre", "crime");
            b.Add("collateral", "has genre", "crime");
        });
        Assert.Equal("You rated Heat (1995) highly; it is in the genre Crime, which is also the genre of Collateral (2004).", Explain(genre));

        var director = Heat(b =>
        {
            b.Entity("person:michael mann", "Michael Mann");
            b.Add("heat", "directed by", "person:michael mann");
            b.Add("collateral", "directed by", "person:michael mann");
        });
        Assert.Equal("You rated Heat (1995) highly; it was directed by Michael Mann, who also directed Collateral (2004).", Explain(director));
    }

    [Fact]
    public void Describe_UnnamedEntitySharedTheSameWay_NamesTheRoleNotTheId()
    {
        var data = Heat(b =>
        {
            b.Add("heat", "film.film.director", "m.0abc");
            b.Add("collateral", "film.film.director", "m.0abc");
        });
        string sentence = Explain(data);
        Assert.Equal("You rated Heat (1995) highly; it shares a director with Collateral (2004).", sentence);
        Assert.DoesNotContain("m.0abc", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnnamedEntityInTwoRoles_IsLabelledNotPassedOffAsAName()
    {
        var data = Heat(b =>
        {
            b.Add("heat", "film.film.writer", "m.0abc");
            b.Add("collateral", "film.film.director", "m.0abc");
        });
        Assert.Equal("You rated Heat (1995) highly; it was written by someone (m.0abc), who also directed Collateral (2004).", Explain(data));
    }

    [Fact]
    public void Describe_UnnamedAwardNominatedAndWon_SaysWhatTheEntityIs()
    {
        var data = Heat(b =>
        {
            b.Add("heat", "film.film.award_nomination", "m.0award");
            b.Add("collateral", "film.film.award_won", "m.0award");
        });
        Assert.Equal("You rated Heat (1995) highly; it was nominated for an award (m.0award), which was also won by Collateral (2004).", Explain(data));
    }

    [Fact]
    public void Describe_UnknownRelation_FallsBackToItsWords()
    {
        var data = Heat(b =>
        {
            b.Entity("la", "Los Angeles");
            b.Add("heat", "film.film.featured_filming_location", "la");
            b.Add("collateral", "film.film.featured_filming_location", "la");
        });
        Assert.Equal("You rated Heat (1995) highly; it has the featured filming location Los Angeles, which is also the featured filming location of Collateral (2004).", Explain(data));
    }

    [Fact]
    public void Describe_DirectFact_AndHistoryClauses()
    {
        var sequel = Heat(b => b.Add("heat", "film.film.sequel", "collateral"));
        Assert.Equal("You rated Heat (1995) highly; it is followed by Collateral (2004).", Explain(sequel));
        Assert.Equal("You rated Heat (1995) 3/5; it is followed by Collateral (2004).", Explain(sequel, rating: 3f));

        var implicitData = new Dataset("i", sequel.Users, sequel.Items, sequel.Interactions) { ItemMetadata = sequel.ItemMetadata }.WithKnowledge(sequel.Knowledge!.Graph);
        Assert.Equal("You liked Heat (1995); it is followed by Collateral (2004).", Explain(implicitData));
    }

    [Fact]
    public void Describe_ThreeHops_ChainsRelativeClauses()
    {
        var data = PathGraphs.Films();
        var path = Assert.Single(new PathFinder(data, options: new PathOptions { MaxKnowledgeHops = 3 }).Find(2, 1, 1));
        Assert.Equal(
            "You rated Ali (2001) highly; it was made by a production company (C2), which has the parent (C1), which made Collateral (2004).",
            new PathNarrator(data).Describe(path));
    }

    [Fact]
    public void Describe_ItemWithoutTitle_IsCalledByItsId()
    {
        var data = Heat(b => b.Add("heat", "film.film.sequel", "collateral"));
        var untitled = new Dataset("u", data.Users, data.Items, data.Interactions) { Feedback = FeedbackKind.Explicit, RatingScale = (1f, 5f) }.WithKnowledge(data.Knowledge!.Graph);
        Assert.Equal("You rated item h highly; it is followed by item c.", Explain(untitled));
    }

    [Fact]
    public void Describe_EveryPathOfTheTinyCatalogue_HasNoBareIdsAndEndsInAFullStop()
    {
        var data = PathGraphs.Films();
        var narrator = new PathNarrator(data);
        foreach (var path in new PathFinder(data, options: new PathOptions { PathsPerHistoryItem = 0 }).Find(0, 1, 10))
        {
            string sentence = narrator.Describe(path);
            Assert.Matches(@"^You rated [^;]+ \(\d{4}\) (highly|\d/5); it [a-z].* Collateral \(2004\)\.$", sentence);
        }
    }

    /// <summary>
    /// Heat (item "h") rated by the user, Collateral (item "c") recommended, and three more linked films so that an
    /// entity the two share is specific (idf &gt; 0); <paramref name="facts"/> adds the graph.
    /// </summary>
    private static Dataset Heat(Action<KnowledgeGraphBuilder> facts)
    {
        var b = new KnowledgeGraphBuilder();
        b.Link("h", "heat");
        b.Link("c", "collateral");
        foreach (string other in new[] { "x", "y", "z" })
        {
            b.Link(other, "film:" + other);
        }

        facts(b);
        return new Dataset("heat", new IdMap(["u"]), new IdMap(["h", "c", "x", "y", "z"]), [new Interaction(0, 0, 5f)])
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
            ItemMetadata = [new ItemMetadata { Title = "Heat (1995)" }, new ItemMetadata { Title = "Collateral (2004)" }],
        }.WithKnowledge(b.Build("heat"));
    }

    private static string Explain(Dataset data, float rating = 5f)
    {
        var path = new PathFinder(data).Find([0], [rating], item: 1, count: 1)[0];
        return new PathNarrator(data).Describe(path);
    }
}
