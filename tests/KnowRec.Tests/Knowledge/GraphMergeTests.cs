using KnowRec.Knowledge;
using KnowRec.Knowledge.Catalogue;
using KnowRec.Tests.Knowledge.Catalogue;
using Xunit;

namespace KnowRec.Tests.Knowledge;

public sealed class GraphMergeTests
{
    private static KnowledgeGraph Local()
    {
        // MKR style: local integer ids, item "10" is entity 0.
        var b = new KnowledgeGraphBuilder();
        b.Link("10", "0");
        b.Add("0", "film.film.director", "1");
        return b.Build("satori");
    }

    [Fact]
    public void Merge_SameItemInTwoGraphs_FirstKeepsTheLinkAndGainsSameAs()
    {
        var auto = CatalogueGraphBuilder.Build(CatalogueGraphBuilderTests.Tiny());
        var merged = GraphMerge.Merge([Local(), auto], "satori+auto");
        var facts = CatalogueGraphBuilderTests.Facts(merged);
        Assert.Contains("satori:0 | same as | item:10", facts);
        Assert.Contains("satori:0 | film.film.director | satori:1", facts);
        Assert.Contains("item:10 | directed by | person:michael mann", facts);
        Assert.Equal("satori:0", merged.Entities[merged.ItemLinks["10"]]);
        Assert.Equal("item:20", merged.Entities[merged.ItemLinks["20"]]);
        Assert.Equal(Local().Triples.Count + auto.Triples.Count + 1, merged.Triples.Count);

        var reversed = GraphMerge.Merge([auto, Local()], "auto+satori");
        Assert.Equal("item:10", reversed.Entities[reversed.ItemLinks["10"]]);
        Assert.Contains("item:10 | same as | satori:0", CatalogueGraphBuilderTests.Facts(reversed));
    }

    [Fact]
    public void Merge_GlobalIds_AreSharedAcrossGraphs()
    {
        var a = new KnowledgeGraphBuilder();
        a.Link("1", "m.0dyb1");
        a.Add("m.0dyb1", "film.film.genre", "m.0hcr");
        var b = new KnowledgeGraphBuilder();
        b.Link("1", "m.0dyb1");
        var merged = GraphMerge.Merge([a.Build("a"), b.Build("b")], "a+b");
        Assert.Equal(2, merged.Entities.Count);
        Assert.Single(merged.Triples);
        Assert.Throws<ArgumentException>(() => GraphMerge.Merge([], "none"));
    }
}
