using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge;
using Xunit;

namespace KnowRec.Tests.Knowledge;

public sealed class ItemKnowledgeTests
{
    [Fact]
    public void WithKnowledge_LinksItemsByRawIdOrSourceId_AndSplitsKeepIt()
    {
        var items = new IdMap(["0", "1", "2"]);
        var data = new Dataset("toy", new IdMap(["u"]), items, [new Interaction(0, 0, 1f), new Interaction(0, 1, 1f)])
        {
            ItemMetadata =
            [
                new ItemMetadata { Title = "A", Attributes = new Dictionary<string, string> { [ItemMetadata.SourceIdAttribute] = "1" } },
                null,
                new ItemMetadata { Title = "C", Attributes = new Dictionary<string, string> { [ItemMetadata.SourceIdAttribute] = "3" } },
            ],
        };
        var b = new KnowledgeGraphBuilder();
        b.Link("1", "e1");
        b.Link("3", "e3");
        b.Link("1x", "unused");
        var linked = data.WithKnowledge(b.Build("g"));
        var k = linked.Knowledge!;
        Assert.Equal("1", linked.KeyOf(0));
        Assert.Equal("1", linked.KeyOf(1));
        Assert.Equal("e1", k.Graph.Entities[k.EntityOf(0)]);
        Assert.Equal("e1", k.Graph.Entities[k.EntityOf(1)]);
        Assert.Equal("e3", k.Graph.Entities[k.EntityOf(2)]);
        Assert.Equal(3, k.LinkedItems);
        Assert.Equal(0, k.ItemOf(k.EntityOf(0)));
        Assert.Equal(-1, k.ItemOf(k.Graph.ItemLinks["1x"]));
        Assert.Same(k, linked.WithInteractions([new Interaction(0, 2, 1f)]).Knowledge);
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    public void WithKnowledge_ShiftedMl1mPieces_LinkEveryMappedMovieByItsMovieLensId()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-1m/pieces-LIN452-ReSN"), new LoadOptions());
        var linked = KnowledgeSource.Attach(data, TestData.PathOf("kg-ml1m-satori"));
        Assert.Equal(2_347, linked.Knowledge!.LinkedItems);

        // Item "0" of the pieces is MovieLens movie 1, Toy Story, Satori entity 0.
        Assert.True(data.Items.TryGetIndex("0", out int toyStory));
        Assert.Equal("1", linked.KeyOf(toyStory));
        Assert.Equal(0, linked.Knowledge.EntityOf(toyStory));
        Assert.StartsWith("Toy Story", linked.TitleOf(toyStory), StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void WithKnowledge_Ml100kFreebase_LinksTheRecBoleItems()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-100k"), new LoadOptions());
        var linked = KnowledgeSource.Attach(data, TestData.PathOf("kg-ml100k-freebase"));
        Assert.Equal(1_598, linked.Knowledge!.LinkedItems);
    }
}
