using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge.Linking;
using Xunit;

namespace KnowRec.Tests.Knowledge.Linking;

public sealed class ItemTextLinkerTests
{
    private static Dictionary<string, string> Fields(string plot, string director) => new() { ["plot"] = plot, ["director"] = director, ["rated"] = "R", ["poster"] = "p" };

    [Fact]
    public void Attach_LinksByTitleNotById_AndReportsIdAgreement()
    {
        var data = new Dataset("d", new IdMap(["u"]), new IdMap(["1", "2", "3"]), [new Interaction(0, 0, 1f)])
        {
            ItemMetadata =
            [
                new ItemMetadata { Title = "Matrix, The (1999)", Year = 1999, Attributes = new Dictionary<string, string> { ["imdb"] = "x" } },
                new ItemMetadata { Title = "Heat (1995)", Year = 1995 },
                null,
            ],
        };

        // The Matrix row carries a wrong id (7), Heat the right one (2); row 9 matches nothing.
        ItemText[] rows = [new("7", "The Matrix", 1999, Fields("Neo wakes.", "Lana Wachowski")), new("2", "Heat", 1995, Fields("A heist.", "Michael Mann")), new("9", "Brazil", 1985, Fields("Forms.", "Terry Gilliam"))];
        var attached = ItemTextLinker.Attach(data, rows);
        Assert.Equal(2, attached.Links.Linked);
        Assert.Equal(1, attached.KeysAgree);
        var matrix = attached.Data.ItemMetadata[0]!;
        Assert.Equal("Neo wakes.", matrix.Text);
        Assert.Equal("Lana Wachowski", matrix.Attributes["director"]);
        Assert.Equal("R", matrix.Attributes["rated"]);
        Assert.Equal("x", matrix.Attributes["imdb"]);
        Assert.False(matrix.Attributes.ContainsKey("poster"));
        Assert.Equal("Michael Mann", attached.Data.ItemMetadata[1]!.Attributes["director"]);
        Assert.Null(attached.Data.ItemMetadata[2]);
        Assert.Same(data.Users, attached.Data.Users);
        Assert.Throws<ArgumentException>(() => ItemTextLinker.Attach(data, [rows[0], rows[0]]));
    }
}
