using KnowRec.Knowledge.Generation;
using Xunit;

namespace KnowRec.Tests.Knowledge.Generation;

public sealed class KnowledgeAnswersTests
{
    [Fact]
    public void ParseItem_TakesTheObjectOutOfAFence_AndNormalises()
    {
        const string answer = """
            Here you go:
            ```json
            {"summary": " A heist film. ", "genres": ["Crime", "crime", " "], "people": [{"role": "DIRECTOR", "name": "Michael Mann"}],
             "facts": [{"relation": "Released In", "value": 1995}], "extra": 1}
            ```
            """;

        var record = KnowledgeAnswers.ParseItem(answer, "6", "Heat", "llm:m", out string error);

        Assert.Equal("", error);
        Assert.NotNull(record);
        Assert.Equal("A heist film.", record.Summary);
        Assert.Equal(["Crime"], record.Genres);
        Assert.Equal([new KnowledgePerson("director", "Michael Mann")], record.People);
        Assert.Equal([new KnowledgeFact("released in", "1995")], record.Facts);
    }

    [Theory]
    [InlineData("no braces here", "no JSON object")]
    [InlineData("{\"summary\": \"x\",}", "not valid JSON")]
    [InlineData("{\"genres\": []}", "Field 'summary' must be a non-empty string")]
    [InlineData("{\"summary\": \"x\", \"genres\": \"Drama\"}", "Field 'genres' must be a list of strings")]
    [InlineData("{\"summary\": \"x\", \"genres\": [true]}", "Field 'genres[0]' must be a string, not true")]
    [InlineData("{\"summary\": \"x\", \"people\": [{\"role\": \"actor\"}]}", "Field 'people[0]' must be an object with 'role' and 'name'")]
    [InlineData("{\"summary\": \"x\", \"facts\": [{\"relation\": \"\", \"value\": \"y\"}]}", "Field 'facts[0]' has an empty 'relation'")]
    public void ParseItem_ExplainsWhatIsWrong(string answer, string reason)
    {
        Assert.Null(KnowledgeAnswers.ParseItem(answer, "1", "t", "s", out string error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseUser_ReadsLikesDislikesAndSummary()
    {
        var record = KnowledgeAnswers.ParseUser("""{"liked": ["noir"], "disliked": null, "summary": "Dark films."}""", "u1", "llm:m", out _);

        Assert.NotNull(record);
        Assert.Equal(["noir"], record.Liked);
        Assert.Empty(record.Disliked);
        Assert.Equal("Likes: noir. Dark films.", record.ToText());
    }
}
