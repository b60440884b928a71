using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Catalogue;
using Xunit;

namespace KnowRec.Tests.Knowledge.Catalogue;

public sealed class CatalogueGraphBuilderTests
{
    internal static Dataset Tiny() => new("tiny", new IdMap(["u"]), new IdMap(["10", "20", "30"]), [new Interaction(0, 0, 1f)])
    {
        ItemMetadata =
        [
            new ItemMetadata
            {
                Title = "Heat (1995)", Year = 1995, Genres = ["Action", "Crime"],
                Attributes = new Dictionary<string, string>
                {
                    ["director"] = "Michael Mann",
                    ["writer"] = "Michael Mann (written by), Krzysztof Kieslowski",
                    ["actors"] = "Al Pacino, Robert De Niro",
                    ["rated"] = "R",
                },
            },
            new ItemMetadata
            {
                Title = "Collateral (2004)", Year = 2004, Genres = ["crime"],
                Attributes = new Dictionary<string, string>
                {
                    ["director"] = "Mann, Michael",
                    ["writer"] = "Kieślowski, Krzysztof (screenplay)",
                    ["actors"] = "Tom Cruise",
                    ["country"] = "USA",
                    ["language"] = "English, Spanish",
                },
            },
            null,
        ],
    };

    internal static ItemTag[] TinyTags => [new("10", "heist", 2), new("20", "Heist", 1), new("20", "cruise", 1), new("30", "heist", 5)];

    internal static string[] Facts(KnowledgeGraph g) =>
        [.. g.Triples.Select(t => $"{g.Entities[t.Head]} | {g.Relations[t.Relation]} | {g.Entities[t.Tail]}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Build_TinyCatalogue_GivesExactlyTheExpectedTriples()
    {
        var g = CatalogueGraphBuilder.Build(Tiny(), new CatalogueGraphOptions { Tags = TinyTags });
        string[] expected =
        [
            "item:10 | directed by | person:michael mann",
            "item:10 | has genre | genre:action",
            "item:10 | has genre | genre:crime",
            "item:10 | rated | rating:r",
            "item:10 | released in decade | decade:1990s",
            "item:10 | released in | year:1995",
            "item:10 | stars | person:al pacino",
            "item:10 | stars | person:robert de niro",
            "item:10 | tagged | tag:heist",
            "item:10 | written by | person:krzysztof kieslowski",
            "item:10 | written by | person:michael mann",
            "item:20 | directed by | person:michael mann",
            "item:20 | from country | country:usa",
            "item:20 | has genre | genre:crime",
            "item:20 | in language | language:english",
            "item:20 | in language | language:spanish",
            "item:20 | released in decade | decade:2000s",
            "item:20 | released in | year:2004",
            "item:20 | stars | person:tom cruise",
            "item:20 | tagged | tag:heist",
            "item:20 | written by | person:krzysztof kieslowski",
            "item:30 | tagged | tag:heist",
        ];
        Assert.Equal(expected, Facts(g));
        Assert.Equal("tiny-catalogue", g.Name);
    }

    [Fact]
    public void Build_ItemsFirstAllLinked_NamesAreTheNicestSpelling()
    {
        var g = CatalogueGraphBuilder.Build(Tiny(), new CatalogueGraphOptions { Tags = TinyTags });
        Assert.Equal(["item:10", "item:20", "item:30"], Enumerable.Range(0, 3).Select(e => g.Entities[e]));
        Assert.Equal(new Dictionary<string, int> { ["10"] = 0, ["20"] = 1, ["30"] = 2 }, g.ItemLinks);
        Assert.Equal("Heat (1995)", g.NameOf(0));
        Assert.Equal("30", g.NameOf(2));
        string NameOf(string id) => g.NameOf(g.Entities.TryGetIndex(id, out int e) ? e : throw new KeyNotFoundException(id))!;
        Assert.Equal("Michael Mann", NameOf("person:michael mann"));
        Assert.Equal("Krzysztof Kieślowski", NameOf("person:krzysztof kieslowski"));
        Assert.Equal("Action", NameOf("genre:action"));
        Assert.Equal("1990s", NameOf("decade:1990s"));
        Assert.Equal(3, data().Knowledge!.LinkedItems);

        Dataset data() => Tiny().WithKnowledge(g);
    }

    [Fact]
    public void Build_TagFilters_DropRareAssignmentsAndLoneTags()
    {
        var g = CatalogueGraphBuilder.Build(Tiny(), new CatalogueGraphOptions { Tags = TinyTags, MinTagCount = 2 });
        Assert.DoesNotContain(Facts(g), f => f.Contains("tagged", StringComparison.Ordinal) && f.StartsWith("item:20", StringComparison.Ordinal));
        Assert.Contains("item:30 | tagged | tag:heist", Facts(g));
        var all = CatalogueGraphBuilder.Build(Tiny(), new CatalogueGraphOptions { Tags = TinyTags, MinTagItems = 1 });
        Assert.Contains("item:20 | tagged | tag:cruise", Facts(all));
        Assert.Throws<ArgumentException>(() => CatalogueGraphBuilder.Build(Tiny(), new CatalogueGraphOptions { MinTagCount = 0 }));
    }

    [Fact]
    public void Build_GenreThatIsAlsoATag_IsLeftToTagged()
    {
        var data = new Dataset("fm", new IdMap(["u"]), new IdMap(["1", "2"]), [])
        {
            ItemMetadata = [new ItemMetadata { Title = "Band", Genres = ["Metal", "rock"] }, new ItemMetadata { Title = "Other", Genres = ["metal"] }],
        };
        var g = CatalogueGraphBuilder.Build(data, new CatalogueGraphOptions { Tags = [new("1", "metal", 3), new("2", "METAL", 1)] });
        Assert.Equal(["item:1 | has genre | genre:rock", "item:1 | tagged | tag:metal", "item:2 | tagged | tag:metal"], Facts(g));
    }

    [Fact]
    public void Build_ShiftedIds_KeysItemsByTheirSourceId()
    {
        var data = new Dataset("pieces", new IdMap(["u"]), new IdMap(["0"]), [])
        {
            ItemMetadata = [new ItemMetadata { Title = "Toy Story (1995)", Attributes = new Dictionary<string, string> { [ItemMetadata.SourceIdAttribute] = "1" } }],
        };
        var g = CatalogueGraphBuilder.Build(data);
        Assert.Equal("item:1", g.Entities[g.ItemLinks["1"]]);
    }
}
