using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge.Generation;
using Xunit;

namespace KnowRec.Tests.Knowledge.Generation;

public sealed class RuleKnowledgeExtractorTests
{
    [Fact]
    public void Items_TurnAttributesIntoPeopleAndFacts()
    {
        var records = RuleKnowledgeExtractor.Items(KnowledgeTestData.Movies(), [new ItemTag("1", "pixar", 3), new ItemTag("1", "comedy", 9)]);

        Assert.Equal(["1", "6"], records.Select(r => r.Item)); // the item without metadata has no record
        var toy = records[0];
        Assert.Equal("rules", toy.Source);
        Assert.Equal(
            [new("director", "John Lasseter"), new("writer", "John Lasseter"), new("writer", "Pete Docter"), new("writer", "Joss Whedon"), new("actor", "Tom Hanks"), new("actor", "Tim Allen")],
            toy.People);
        Assert.Equal([new("released in", "1995"), new("released in decade", "1990s"), new("rated", "G"), new("from country", "USA")], toy.Facts);
        Assert.Equal(["pixar"], toy.Themes); // "comedy" is already a genre
        Assert.Equal("Toys come to life. Woody is jealous.", toy.Summary);
        Assert.Equal(
            "Toy Story (1995). Genres: Animation, Comedy. Director: John Lasseter. Writer: John Lasseter, Pete Docter, Joss Whedon. Actor: Tom Hanks, Tim Allen. "
            + "Released in 1995. Released in decade 1990s. Rated G. From country USA. Themes: pixar. Toys come to life. Woody is jealous.",
            toy.ToText());
    }

    [Fact]
    public void Users_LikeWhatTheyRateAboveTheirMean()
    {
        var records = RulePreferenceExtractor.Users(KnowledgeTestData.Movies());

        Assert.Equal(["u0", "u1"], records.Select(r => r.User)); // u2 has no history
        var u0 = records[0]; // Toy Story 5, Heat 2: mean 3.5
        Assert.Equal(["Animation", "Comedy", "director John Lasseter"], u0.Liked);
        Assert.Empty(u0.Disliked); // each disliked aspect seen once only
        Assert.Equal("Rated 2 items, 3.5 on average.", u0.Summary);
    }

    [DataFact("ml-1m-movie-text-melu")]
    public void Items_OnRealMeluRows_ReadCreditsCleanly()
    {
        var rows = ItemTextReader.Read(Path.Combine(TestData.Root!, "ml-1m-movie-text-melu"));
        var toy = rows.Single(r => r.Key == "1");
        var metadata = new ItemMetadata
        {
            Title = toy.Title,
            Year = toy.Year,
            Text = toy.Fields["plot"],
            Genres = toy.Fields["genre"].Split(", "),
            Attributes = toy.Fields.Where(f => f.Key is "director" or "writer" or "actors" or "rated" or "country" or "language").ToDictionary(),
        };

        var record = RuleKnowledgeExtractor.Item("1", toy.Title, metadata, []);

        Assert.Equal([new KnowledgePerson("director", "John Lasseter")], record.People.Where(p => p.Role == "director"));
        Assert.Contains(new KnowledgePerson("writer", "Pete Docter"), record.People);
        Assert.Contains(new KnowledgePerson("writer", "Joss Whedon"), record.People);
        Assert.Equal(["Tom Hanks", "Tim Allen", "Don Rickles", "Jim Varney"], record.People.Where(p => p.Role == "actor").Select(p => p.Name));
        Assert.Contains(new KnowledgeFact("rated", "G"), record.Facts);
        Assert.Contains(new KnowledgeFact("released in", "1995"), record.Facts);
        Assert.StartsWith("A little boy named Andy", record.Summary, StringComparison.Ordinal);

        int withPeople = rows.Count(r => r.Fields.ContainsKey("director"));
        Assert.True(withPeople > 3000, $"{withPeople} MeLU rows name a director");
    }
}
