using KnowRec.Data;

namespace KnowRec.Tests.Knowledge.Generation;

/// <summary>Three films with MeLU-style attributes and two users with ratings, for knowledge generation tests.</summary>
internal static class KnowledgeTestData
{
    public static Dataset Movies(int extra = 0)
    {
        var metadata = new List<ItemMetadata?>
        {
            new()
            {
                Title = "Toy Story (1995)", Year = 1995, Genres = ["Animation", "Comedy"], Text = "Toys come to life. Woody is jealous. Buzz arrives.",
                Attributes = new Dictionary<string, string>
                {
                    ["director"] = "John Lasseter",
                    ["writer"] = "John Lasseter (original story by), Pete Docter (original story by), Joss Whedon (screenplay by)",
                    ["actors"] = "Tom Hanks, Tim Allen",
                    ["rated"] = "G",
                    ["country"] = "USA",
                },
            },
            new() { Title = "Heat (1995)", Year = 1995, Genres = ["Crime", "Thriller"], Attributes = new Dictionary<string, string> { ["director"] = "Michael Mann", ["actors"] = "Al Pacino, Robert De Niro" } },
            null,
        };
        var ids = new List<string> { "1", "6", "99" };
        for (int i = 0; i < extra; i++)
        {
            ids.Add($"x{i}");
            metadata.Add(new ItemMetadata { Title = $"Extra {i}", Genres = ["Drama"] });
        }

        var rows = new List<Interaction> { new(0, 0, 5, 10), new(0, 1, 2, 20), new(1, 1, 4, 5) };
        return new Dataset("movies", new IdMap(["u0", "u1", "u2"]), new IdMap(ids), rows)
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1, 5),
            HasTimestamps = true,
            ItemMetadata = metadata,
        };
    }

    /// <summary>A valid item answer naming the title the prompt gave.</summary>
    public static string ItemAnswer(string prompt)
    {
        string title = prompt.Split('\n')[0]["Title: ".Length..];
        return $$"""
            {"summary": "{{title}} is a film.", "genres": ["Drama"], "themes": ["friendship"],
             "people": [{"role": "Director", "name": "Jane Doe"}], "facts": [{"relation": "Released in", "value": 1995}]}
            """;
    }
}
