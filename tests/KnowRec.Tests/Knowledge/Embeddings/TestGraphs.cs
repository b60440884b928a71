using KnowRec.Knowledge;

namespace KnowRec.Tests.Knowledge.Embeddings;

/// <summary>Small synthetic graphs whose regularities an embedding can learn.</summary>
internal static class TestGraphs
{
    /// <summary>
    /// <paramref name="films"/> films f_i, each with genre g_(i mod 6) and two actors a_(i mod 12) and a_(12 + i mod 12):
    /// an actor only plays in films of one genre, so a film's genre follows from its actors. 3 relations, 3 triples per film.
    /// </summary>
    public static KnowledgeGraph Films(int films = 60)
    {
        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < films; i++)
        {
            b.Add($"f{i}", "genre", $"g{i % 6}");
            b.Add($"f{i}", "actor", $"a{i % 12}");
            b.Add($"f{i}", "actor", $"a{12 + (i % 12)}");
            b.Link($"i{i}", $"f{i}");
        }

        return b.Build("films");
    }
}
