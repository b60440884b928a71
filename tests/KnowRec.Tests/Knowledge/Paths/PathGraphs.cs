using KnowRec.Data;
using KnowRec.Knowledge;

namespace KnowRec.Tests.Knowledge.Paths;

/// <summary>Hand-built catalogues whose best paths are known by hand.</summary>
internal static class PathGraphs
{
    /// <summary>
    /// Items 0–4 are films F0–F4, item 5 is not linked. D directs F0 and F1 (stored both ways for F1, as Freebase
    /// does), W writes F0 and F1, A acts in F1 and F2, genre G holds F0–F3, F3's sequel is F1, and F4 is made by C2,
    /// a subsidiary of C1, which makes F1. N = 5 linked items, so idf(D) = idf(W) = idf(A) = ln(5/2)/ln 5 and
    /// idf(G) = ln(5/4)/ln 5. Ratings on 1–5 stars: user 0 rated F0 5, F2 3, F3 4 and the unlinked item 5;
    /// user 1 rated F0 and F2 5; user 2 rated F4 5; user 3 rated nothing.
    /// </summary>
    public static Dataset Films()
    {
        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < 5; i++)
        {
            b.Link(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"F{i}");
        }

        b.Add("F0", "film.film.director", "D");
        b.Add("F1", "film.film.director", "D");
        b.Add("D", "film.director.film", "F1");
        b.Add("F0", "film.film.writer", "W");
        b.Add("F1", "film.film.writer", "W");
        b.Add("F1", "film.film.star", "A");
        b.Add("F2", "film.film.star", "A");
        foreach (string f in new[] { "F0", "F1", "F2", "F3" })
        {
            b.Add(f, "film.film.genre", "G");
        }

        b.Add("F3", "film.film.sequel", "F1");
        b.Add("F4", "film.film.production_company", "C2");
        b.Add("C2", "organization.organization.parent", "C1");
        b.Add("F1", "film.film.production_company", "C1");
        var graph = b.Build("films");

        string[] titles = ["Heat (1995)", "Collateral (2004)", "Thief (1981)", "Manhunter (1986)", "Ali (2001)", "Unlinked (1990)"];
        var items = new IdMap(Enumerable.Range(0, 6).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var data = new Dataset("films", new IdMap(["u0", "u1", "u2", "u3"]), items,
        [
            new Interaction(0, 0, 5f), new Interaction(0, 2, 3f), new Interaction(0, 3, 4f), new Interaction(0, 5, 5f),
            new Interaction(1, 0, 5f), new Interaction(1, 2, 5f),
            new Interaction(2, 4, 5f),
        ])
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
            ItemMetadata = [.. titles.Select(t => (ItemMetadata?)new ItemMetadata { Title = t })],
        };
        return data.WithKnowledge(graph);
    }

    public static int Entity(this Dataset data, string id) =>
        data.Knowledge!.Graph.Entities.TryGetIndex(id, out int e) ? e : throw new ArgumentException($"No entity {id}.");

    public static int Relation(this Dataset data, string name) =>
        data.Knowledge!.Graph.Relations.TryGetIndex(name, out int r) ? r : throw new ArgumentException($"No relation {name}.");
}
