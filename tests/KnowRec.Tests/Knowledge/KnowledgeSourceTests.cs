using KnowRec.Knowledge;
using KnowRec.Knowledge.Catalogue;
using KnowRec.Tests.Knowledge.Catalogue;
using Xunit;

namespace KnowRec.Tests.Knowledge;

public sealed class KnowledgeSourceTests
{
    [Fact]
    public void Attach_Auto_BuildsFromTheCatalogueWithTheGivenTags()
    {
        var data = KnowledgeSource.Attach(CatalogueGraphBuilderTests.Tiny(), "auto", new CatalogueGraphOptions { Tags = CatalogueGraphBuilderTests.TinyTags });
        Assert.Equal(3, data.Knowledge!.LinkedItems);
        Assert.Equal(22, data.Knowledge.Graph.Triples.Count);
        Assert.Equal(19, KnowledgeSource.Attach(CatalogueGraphBuilderTests.Tiny(), "AUTO").Knowledge!.Graph.Triples.Count);
    }

    [Fact]
    public void Attach_PathPlusAuto_MergesBothGraphs()
    {
        using var folder = new TempFolder();
        folder.Write("g/triples.tsv", "e10\tgenre\tdrama\n");
        folder.Write("g/links.tsv", "10\te10\n");
        var data = KnowledgeSource.Attach(CatalogueGraphBuilderTests.Tiny(), Path.Combine(folder.Path, "g") + "+auto");
        var graph = data.Knowledge!.Graph;
        Assert.Equal("e10", graph.Entities[data.Knowledge.EntityOf(0)]);
        Assert.Equal("item:20", graph.Entities[data.Knowledge.EntityOf(1)]);
        Assert.Contains("e10 | same as | item:10", CatalogueGraphBuilderTests.Facts(graph));
        Assert.Equal(1 + 19 + 1, graph.Triples.Count);
    }

    [Fact]
    public void Load_AutoWithoutData_OrAnEmptyPart_ThrowsWithTheReason()
    {
        Assert.Contains("--data", Assert.Throws<ArgumentException>(() => KnowledgeSource.Load("auto")).Message, StringComparison.Ordinal);
        Assert.Contains("empty part", Assert.Throws<ArgumentException>(() => KnowledgeSource.Attach(CatalogueGraphBuilderTests.Tiny(), "auto+")).Message, StringComparison.Ordinal);
    }
}
