using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Tests.Contracts;

namespace KnowRec.Tests.Models.KnowledgeAware;

/// <summary>Small knowledge graphs over the contract datasets, whose effect on a ranking can be reasoned out.</summary>
public static class TinyKnowledge
{
    /// <summary>
    /// TinyData's items as films: i0, i1, i3 are comedies and i2, i4, i5 dramas; i1 and i2 share director d1. i5 has no
    /// training rows, so only its genre edge reaches it.
    /// </summary>
    public static Dataset Tiny() => Attach(TinyData.Create());

    /// <summary>The TinyData knowledge attached to <paramref name="data"/> (items keyed i0..i5) unless it has knowledge already.</summary>
    public static Dataset Attach(Dataset data)
    {
        if (data.Knowledge is not null)
        {
            return data;
        }

        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < 6; i++)
        {
            b.Link($"i{i}", $"film:{i}");
        }

        foreach (int i in new[] { 0, 1, 3 })
        {
            b.Add($"film:{i}", "genre", "genre:comedy");
        }

        foreach (int i in new[] { 2, 4, 5 })
        {
            b.Add($"film:{i}", "genre", "genre:drama");
        }

        b.Add("film:1", "directed by", "person:d1");
        b.Add("film:2", "directed by", "person:d1");
        return data.WithKnowledge(b.Build("tiny-films"));
    }

    /// <summary>
    /// BlockData plus two cold items without any rows: i8 shares genre gA with block A's items 0–3, i9 genre gB with
    /// block B's items 4–7. Only the knowledge graph can tell that block A's users should prefer i8 and block B's i9.
    /// </summary>
    public static Dataset BlocksWithColdItems()
    {
        var blocks = BlockData.Create();
        var items = new IdMap(Enumerable.Range(0, 10).Select(i => $"i{i}"));
        var data = new Dataset("blocks+cold", blocks.Users, items, blocks.Interactions);
        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < 10; i++)
        {
            b.Link($"i{i}", $"film:{i}");
            string genre = i is < 4 or 8 ? "genre:a" : "genre:b";
            b.Add($"film:{i}", "genre", genre);
        }

        return data.WithKnowledge(b.Build("blocks-genres"));
    }
}
