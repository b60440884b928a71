using KnowRec.Data.Cleaning;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Loaders;
using Xunit;

namespace KnowRec.Tests.Knowledge;

public sealed class KnowledgeGraphLoaderTests
{
    private static (string Head, string Relation, string Tail)[] Named(KnowledgeGraph g) =>
        [.. g.Triples.Select(t => (g.Entities[t.Head], g.Relations[t.Relation], g.Entities[t.Tail])).Order()];

    [Fact]
    public void Load_RecBoleFolder_SkipsHeadersAndReadsLinks()
    {
        using var dir = new TempFolder();
        dir.Write("toy.kg", "head_id:token\trelation_id:token\ttail_id:token\nm.1\tfilm.film.genre\tm.9\nm.2\tfilm.film.genre\tm.9\n");
        dir.Write("toy.link", "item_id:token\tentity_id:token\n10\tm.1\n20\tm.2\n");
        var g = KnowledgeGraphLoader.Load(dir.Path);
        Assert.Equal([("m.1", "film.film.genre", "m.9"), ("m.2", "film.film.genre", "m.9")], Named(g));
        Assert.Equal("m.2", g.Entities[g.ItemLinks["20"]]);
        Assert.Equal(2, g.ItemLinks.Count);
    }

    [Fact]
    public void Load_MkrFolder_GivesItemEntitiesTheFirstIndices()
    {
        using var dir = new TempFolder();
        dir.Write("kg.txt", "1\tfilm.film.director\t5\n0\tfilm.film.director\t5\n");
        dir.Write("item_index2entity_id.txt", "2\t0\n3\t1\n");
        var g = KnowledgeGraphLoader.Load(dir.Path);
        Assert.Equal(0, g.ItemLinks["2"]);
        Assert.Equal(1, g.ItemLinks["3"]);
        Assert.Equal(2, g.Triples.Count);
        Assert.Equal(Path.GetFileName(dir.Path), g.Name);
    }

    [Fact]
    public void Load_PlainTsvWithLinksAndNames_AndAHeader()
    {
        using var dir = new TempFolder();
        dir.Write("triples.tsv", "head\trelation\ttail\nheat\tdirected by\tmann\n");
        dir.Write("links.tsv", "item\tentity\n6\theat\n");
        dir.Write("names.tsv", "entity\tname\nmann\tMichael Mann\n");
        var g = KnowledgeGraphLoader.Load(dir.Path);
        Assert.Equal([("heat", "directed by", "mann")], Named(g));
        Assert.Equal("heat", g.Entities[g.ItemLinks["6"]]);
        Assert.Equal("Michael Mann", g.NameOf(g.Entities.TryGetIndex("mann", out int m) ? m : -1));
    }

    [Fact]
    public void Load_NTriples_ReadsIrisBlankNodesLiteralsAndLabels()
    {
        using var dir = new TempFolder();
        string file = dir.Write("films.nt", """
            # a comment
            <http://ex.org/heat> <http://ex.org/director> <http://ex.org/mann> .
            <http://ex.org/mann> <http://www.w3.org/2000/01/rdf-schema#label> "Michael Mann"@en .
            <http://ex.org/heat> <http://ex.org/year> "1995"^^<http://www.w3.org/2001/XMLSchema#gYear> .
            _:b1 <http://ex.org/quote> "say \"hi\"\t\u00e9" .
            """);
        dir.Write("links.tsv", "6\thttp://ex.org/heat\n");
        var g = KnowledgeGraphLoader.Load(file);
        Assert.Equal(3, g.Triples.Count);
        Assert.Equal("Michael Mann", g.NameOf(g.Entities.TryGetIndex("http://ex.org/mann", out int m) ? m : -1));
        Assert.True(g.Entities.Contains("\"1995\""));
        Assert.Equal("say \"hi\"\té", g.NameOf(g.Entities.TryGetIndex("\"say \"hi\"\té\"", out int q) ? q : -1));
        Assert.Equal("http://ex.org/heat", g.Entities[g.ItemLinks["6"]]);
    }

    [Theory]
    [InlineData("films.nt", "<http://ex.org/a> <http://ex.org/b> .\n", "films.nt:1")]
    [InlineData("films.nt", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c>\n", "films.nt:1")]
    [InlineData("triples.tsv", "a\tr\tb\na\tr\n", "triples.tsv:2")]
    [InlineData("triples.tsv", "a\tr\tb\na\t\tb\n", "triples.tsv:2")]
    public void Load_MalformedLine_NamesFileAndLine(string name, string content, string where)
    {
        using var dir = new TempFolder();
        string file = dir.Write(name, content);
        var error = Assert.Throws<InvalidDataException>(() => KnowledgeGraphLoader.Load(file));
        Assert.StartsWith(where + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Lenient_SkipsAndCountsMalformedLines()
    {
        using var dir = new TempFolder();
        string file = dir.Write("triples.tsv", "a\tr\tb\nbroken\nc\tr\td\n");
        var report = new CleaningReport();
        var g = KnowledgeGraphLoader.Load(file, new KnowledgeLoadOptions { Lenient = true, Report = report });
        Assert.Equal(2, g.Triples.Count);
        Assert.Equal(1, report["malformed knowledge line"]);
        Assert.Contains("triples.tsv:2", report.Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFolderOrMissingPath_SaysWhatWasExpected()
    {
        using var dir = new TempFolder();
        dir.Write("readme.md", "nothing here");
        var error = Assert.Throws<InvalidDataException>(() => KnowledgeGraphLoader.Load(dir.Path));
        Assert.Contains("kg.txt", error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => KnowledgeGraphLoader.Load(Path.Combine(dir.Path, "absent")));
    }

    [DataFact("kg-ml100k-freebase")]
    public void Load_ShippedFreebaseGraph_MatchesItsReadme()
    {
        var s = KnowledgeSource.Load("kg-ml100k-freebase").Statistics();
        Assert.Equal((34_628, 24, 91_631, 1_598), (s.Entities, s.Relations, s.Triples, s.LinkedItems));
    }

    [DataFact("kg-ml1m-satori")]
    public void Load_ShippedSatoriMovieGraph_MatchesItsReadme()
    {
        var g = KnowledgeSource.Load("kg-ml1m-satori");
        var s = g.Statistics();
        Assert.Equal((7_008, 7, 20_782, 2_347), (s.Entities, s.Relations, s.Triples, s.LinkedItems));
        Assert.Equal(new KeyValuePair<string, int>("film.film.genre", 5_271), s.TriplesPerRelation[0]);

        // "items are entity ids 0..2346 in mapping order"
        Assert.Equal(0, g.ItemLinks["1"]);
        Assert.Equal("0", g.Entities[0]);
    }

    [DataFact("kg-lastfm-satori")]
    public void Load_ShippedSatoriMusicGraph_MatchesItsReadme()
    {
        var s = KnowledgeSource.Load("kg-lastfm-satori").Statistics();
        Assert.Equal((60, 15_518, 3_846), (s.Relations, s.Triples, s.LinkedItems));
    }

    [DataFact("kb4rec-linkage")]
    public void Load_Kb4RecLinkage_GivesLinksOnly()
    {
        var g = KnowledgeSource.Load("kb4rec-linkage");
        Assert.Equal(25_982, g.ItemLinks.Count);
        Assert.Empty(g.Triples);
        Assert.Equal("m.0dyb1", g.Entities[g.ItemLinks["1"]]);
    }
}
