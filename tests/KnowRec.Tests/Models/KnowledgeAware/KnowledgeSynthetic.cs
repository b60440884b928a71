using KnowRec.Data;
using KnowRec.Knowledge;

namespace KnowRec.Tests.Models.KnowledgeAware;

/// <summary>A seeded random implicit dataset with a knowledge graph: every item has one of 12 genres and one of 40 makers.</summary>
public static class KnowledgeSynthetic
{
    public static Dataset Create(int users, int items, double density, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Interaction>();
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < items; i++)
            {
                if (random.NextDouble() < density)
                {
                    rows.Add(new Interaction(u, i, 1));
                }
            }
        }

        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < items; i++)
        {
            b.Link($"i{i}", $"item:{i}");
            b.Add($"item:{i}", "genre", $"genre:{i % 12}");
            b.Add($"item:{i}", "made by", $"maker:{random.Next(40)}");
        }

        var data = new Dataset("synthetic", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), rows);
        return data.WithKnowledge(b.Build("synthetic-kg"));
    }
}
