using KnowRec.Knowledge.Paths;
using Xunit;

namespace KnowRec.Tests.Knowledge.Paths;

public sealed class RelationPhrasesTests
{
    [Theory]
    [InlineData("film.film.director", "was directed by", "directed", "director")]
    [InlineData("film.film.directed_by", "was directed by", "directed", "director")]
    [InlineData("film.film.writer", "was written by", "wrote", "writer")]
    [InlineData("film.film.star", "stars", "appears in", "actor")]
    [InlineData("film.film.actor", "stars", "appears in", "actor")]
    [InlineData("film.film.genre", "is in the genre", "is the genre of", "genre")]
    [InlineData("film.film.language", "is in", "is the language of", "language")]
    [InlineData("film.film.country", "was made in", "is the country of", "country")]
    [InlineData("film.film.rating", "is rated", "is the rating of", "content rating")]
    [InlineData("directed by", "was directed by", "directed", "director")]
    [InlineData("has genre", "is in the genre", "is the genre of", "genre")]
    [InlineData("released in decade", "came out in the", "is the decade of", "decade")]
    [InlineData("released in", "was released in", "is the release year of", "release year")]
    [InlineData("written by", "was written by", "wrote", "writer")]
    [InlineData("stars", "stars", "appears in", "actor")]
    [InlineData("rated", "is rated", "is the rating of", "content rating")]
    [InlineData("from country", "was made in", "is the country of", "country")]
    [InlineData("in language", "is in", "is the language of", "language")]
    [InlineData("tagged", "is tagged", "is a tag of", "tag")]
    [InlineData("in category", "is in the category", "is the category of", "category")]
    [InlineData("made by", "is made by", "makes", "brand")]
    [InlineData("music.artist.origin", "comes from", "is the home of", "origin")]
    [InlineData("people.person.place_of_birth", "was born in", "is the birthplace of", "birthplace")]
    public void For_ItemToAttributeRelations_PhraseBothDirections(string relation, string forward, string backward, string role)
    {
        var phrase = RelationPhrases.For(relation);
        Assert.True(RelationPhrases.IsKnown(relation));
        Assert.Equal(forward, phrase.Verb(forward: true));
        Assert.Equal(backward, phrase.Verb(forward: false));
        Assert.Equal(role, phrase.RoleOfEnd(forward: true));
    }

    [Theory]
    [InlineData("film.director.film", "film.film.director")]
    [InlineData("film.actor.film", "film.film.actor")]
    [InlineData("film.producer.film", "film.film.produced_by")]
    [InlineData("film.film_genre.films_in_this_genre", "film.film.genre")]
    [InlineData("film.content_rating.film", "film.film.rating")]
    public void For_InverseNames_AreTheInverseOfTheirItemSideName(string inverse, string itemSide)
    {
        Assert.Equal(RelationPhrases.For(itemSide).Inverse(), RelationPhrases.For(inverse));
        Assert.Equal(RelationPhrases.For(itemSide).TailIsPerson, RelationPhrases.For(inverse).HeadIsPerson);
    }

    [Theory]
    [InlineData("film.film.featured_filming_location", "has the featured filming location", "is the featured filming location of", "featured filming location")]
    [InlineData("common.topic.Subject_Of", "is subject of", "is linked to", null)]
    [InlineData("set in", "is set in", "is linked to", null)]
    [InlineData("has mood", "has the mood", "is the mood of", "mood")]
    [InlineData("Filming-Location", "has the filming location", "is the filming location of", "filming location")]
    public void For_UnknownNames_FallBackToReadableWords(string relation, string forward, string backward, string? role)
    {
        Assert.False(RelationPhrases.IsKnown(relation));
        var phrase = RelationPhrases.For(relation);
        Assert.Equal(forward, phrase.Forward);
        Assert.Equal(backward, phrase.Backward);
        Assert.Equal(role, phrase.TailRole);
    }

    [Fact]
    public void Words_TakesTheLastDottedSegment()
    {
        Assert.Equal("place of birth", RelationPhrases.Words("people.person.place_of_birth"));
        Assert.Equal("released in decade", RelationPhrases.Words("released in decade"));
        Assert.Equal("related", RelationPhrases.Words("..."));
    }
}
