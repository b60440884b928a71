using KnowRec.Features.Text;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Generation;
using Xunit;

namespace KnowRec.Tests.Knowledge.Generation;

public sealed class KnowledgeStoreTests
{
    [Fact]
    public void Write_ThenRead_GivesTheSameRecords()
    {
        using var folder = new TempFolder();
        var data = KnowledgeTestData.Movies();
        var items = RuleKnowledgeExtractor.Items(data);
        var users = RulePreferenceExtractor.Users(data);

        KnowledgeStore.Write(folder.Path, items, users);

        Assert.Equal(items.Select(r => r.ToText()), KnowledgeStore.ReadItems(folder.Path).Select(r => r.ToText()));
        Assert.Equal(users.Select(r => r.ToText()), KnowledgeStore.ReadUsers(folder.Path).Select(r => r.ToText()));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void ReadItems_NamesFileAndLine_OfABadRecord()
    {
        using var folder = new TempFolder();
        folder.Write(KnowledgeStore.ItemsFile, "{\"item\": \"1\"}\n[1, 2]\n");

        var error = Assert.Throws<InvalidDataException>(() => KnowledgeStore.ReadItems(folder.Path));

        Assert.Contains("items.jsonl:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteGraph_LoadsBackAsTheSameGraph()
    {
        using var folder = new TempFolder();
        var graph = KnowledgeTriples.Build("rules", RuleKnowledgeExtractor.Items(KnowledgeTestData.Movies()));

        KnowledgeStore.WriteGraph(folder.Path, graph);
        var loaded = KnowledgeSource.Load(folder.Path);

        Assert.Equal(graph.Triples.Count, loaded.Triples.Count);
        Assert.Equal(graph.ItemLinks.Count, loaded.ItemLinks.Count);
        Assert.Equal("Toy Story (1995)", loaded.NameOf(loaded.ItemLinks["1"]));
    }

    [Fact]
    public async Task EncodeItems_MarksItemsWithoutKnowledgeAbsent()
    {
        var data = KnowledgeTestData.Movies();
        var encoder = new HashedBagOfWordsEncoder(32);
        var records = RuleKnowledgeExtractor.Items(data).Append(new ItemKnowledgeRecord { Item = "unknown", Summary = "ignored" }).ToList();

        var vectors = await KnowledgeVectors.EncodeItemsAsync(data, records, encoder);

        Assert.Equal(("knowledge", 32, 2), (vectors.Name, vectors.Dimension, vectors.PresentCount));
        Assert.False(vectors.IsPresent(2));
        Assert.Equal(encoder.Encode(records[1].ToText()), vectors.Row(1).ToArray());
        Assert.Same(vectors, data.WithItemVectors(vectors).ItemVectorsNamed("knowledge"));
    }

    [Fact]
    public async Task EncodeUsers_GivesOneRowPerUser()
    {
        var data = KnowledgeTestData.Movies();
        var encoder = new HashedBagOfWordsEncoder(16);

        var (vectors, present) = await KnowledgeVectors.EncodeUsersAsync(data, RulePreferenceExtractor.Users(data), encoder);

        Assert.Equal((3, 16), (vectors.Rows, vectors.Columns));
        Assert.Equal([true, true, false], present);
    }
}
