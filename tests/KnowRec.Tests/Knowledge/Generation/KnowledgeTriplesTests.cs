using KnowRec.Knowledge.Generation;
using Xunit;

namespace KnowRec.Tests.Knowledge.Generation;

public sealed class KnowledgeTriplesTests
{
    [Fact]
    public void Build_MakesTypedTriples_LinkedByItemKey()
    {
        var records = new[]
        {
            new ItemKnowledgeRecord
            {
                Item = "1", Title = "Toy Story", Genres = ["Animation"], Themes = ["Friendship"],
                People = [new("director", "John Lasseter"), new("composer", "Randy Newman"), new("actress", "Annie Potts")],
                Facts = [new("released in", "1995"), new("Based  on", "an original story")],
            },
            new ItemKnowledgeRecord { Item = "2", Title = "A Bug's Life", People = [new("director", "Lasseter, John")], Genres = ["animation"] },
        };

        var graph = KnowledgeTriples.Build("llm", records);

        var triples = graph.Triples.Select(t => (graph.Entities[t.Head], graph.Relations[t.Relation], graph.Entities[t.Tail])).ToHashSet();
        Assert.Equal(
            new HashSet<(string, string, string)>
            {
                ("item:1", "has genre", "genre:animation"),
                ("item:1", "has theme", "theme:friendship"),
                ("item:1", "directed by", "person:john lasseter"),
                ("item:1", "composer", "person:randy newman"),
                ("item:1", "stars", "person:annie potts"),
                ("item:1", "released in", "year:1995"),
                ("item:1", "based on", "value:an original story"),
                ("item:2", "directed by", "person:john lasseter"),
                ("item:2", "has genre", "genre:animation"),
            },
            triples);
        Assert.Equal(Index(graph, "item:2"), graph.ItemLinks["2"]);
        Assert.Equal("John Lasseter", graph.NameOf(Index(graph, "person:john lasseter")));
        Assert.Equal("Toy Story", graph.NameOf(graph.ItemLinks["1"]));
    }

    private static int Index(KnowRec.Knowledge.KnowledgeGraph graph, string id) => graph.Entities.TryGetIndex(id, out int index) ? index : -1;
}
