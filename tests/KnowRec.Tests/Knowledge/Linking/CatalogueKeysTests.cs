using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Linking;
using Xunit;

namespace KnowRec.Tests.Knowledge.Linking;

public sealed class CatalogueKeysTests
{
    private static Dataset Titled(string name, params (string Id, string Title, int Year)[] items) =>
        new(name, new IdMap(["u"]), new IdMap(items.Select(i => i.Id)), [new Interaction(0, 0, 1f)])
        {
            ItemMetadata = [.. items.Select(i => (ItemMetadata?)new ItemMetadata { Title = $"{i.Title} ({i.Year})", Year = i.Year })],
        };

    [Fact]
    public void Adopt_KeysLinkedItemsByTheReferenceIds_AndUnlinkedOnesByNothingAGraphUses()
    {
        var data = Titled("small", ("1", "Toy Story", 1995), ("2", "GoldenEye", 1995), ("3", "Unheard Of", 1990));
        var reference = Titled("big", ("1", "Toy Story", 1995), ("2", "Jumanji", 1995), ("10", "GoldenEye", 1995));
        var (rekeyed, links) = CatalogueKeys.Adopt(data, reference);
        Assert.Equal(["1", "10", "small:3"], Enumerable.Range(0, 3).Select(rekeyed.KeyOf));
        Assert.Equal((2, 1), (links.Linked, links.Unlinked));
        Assert.Equal("GoldenEye (1995)", rekeyed.TitleOf(1));

        // A graph keyed by the reference's ids now gives GoldenEye its own entity, not Jumanji's.
        var b = new KnowledgeGraphBuilder();
        b.Link("2", "m.jumanji");
        b.Link("10", "m.goldeneye");
        var k = rekeyed.WithKnowledge(b.Build("g")).Knowledge!;
        Assert.Equal("m.goldeneye", k.Graph.Entities[k.EntityOf(1)]);
        Assert.Equal(-1, k.EntityOf(2));
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    public void Adopt_Ml100kToMl1m_GivesGoldenEyeItsMovieLensIdAndFreebaseEntity()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-100k"), new LoadOptions());
        var reference = DatasetLoader.Load(TestData.PathOf("ml-1m/pieces-LIN452-ReSN"), new LoadOptions());
        var (rekeyed, links) = CatalogueKeys.Adopt(data, reference);
        Assert.InRange(links.Linked, 1_590, 1_620);
        Assert.True(data.Items.TryGetIndex("2", out int goldenEye));
        Assert.Equal("10", rekeyed.KeyOf(goldenEye));
        var k = KnowledgeSource.Attach(rekeyed, "kb4rec-linkage+kg-ml100k-freebase").Knowledge!;
        Assert.Equal("m.01npcx", k.Graph.Entities[k.EntityOf(goldenEye)]);
        Assert.InRange(k.LinkedItems, 1_570, 1_590);
    }
}
