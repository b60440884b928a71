using KnowRec.Data;
using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class MovieLens100kReaderTests
{
    [DataFact("ml-100k")]
    public void Load_MatchesReadmeCounts_RealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-100k"));

        Assert.Equal(100_000, data.Interactions.Count);
        Assert.Equal(943, data.Users.Count);
        Assert.Equal(1_682, data.Items.Count);
        Assert.Equal(3.52986, data.Interactions.Average(i => i.Value), 5);
        Assert.Equal(FeedbackKind.Explicit, data.Feedback);
        Assert.Equal((1f, 5f), data.RatingScale);
        Assert.True(data.HasTimestamps);
        Assert.All(data.Interactions, i => Assert.True(i.HasTimestamp));
        Assert.Equal(data.Items.Count, data.ItemMetadata.Count);
        Assert.Equal(data.Users.Count, data.UserAttributes.Count);
        Assert.Equal(100_000, data.Cleaning.LinesRead);
        Assert.Equal(100_000, data.Cleaning.RowsKept);
        Assert.Equal(0, data.Cleaning.Total);
        Assert.Null(data.FixedTestMask);
        Assert.Equal("ml-100k", data.Name);
    }

    [DataFact("ml-100k")]
    public void Load_ReadsItemAndUserMetadata_RealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-100k"));

        Assert.True(data.Items.TryGetIndex("1", out int toyStory));
        var movie = data.ItemMetadata[toyStory]!;
        Assert.Equal("Toy Story (1995)", movie.Title);
        Assert.Equal(1995, movie.Year);
        Assert.Equal(["Animation", "Children's", "Comedy"], movie.Genres);
        Assert.StartsWith("http://us.imdb.com/", movie.Attributes["imdb-url"], StringComparison.Ordinal);
        Assert.True(data.Users.TryGetIndex("1", out int user));
        var attributes = data.UserAttributes[user]!;
        Assert.Equal("24", attributes["age"]);
        Assert.Equal("M", attributes["gender"]);
        Assert.Equal("technician", attributes["occupation"]);
        Assert.Equal("85711", attributes["zip"]);
    }

    [DataFact("ml-100k")]
    public void Load_DecodesLatin1Titles_AccentedTitle()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-100k"));

        Assert.True(data.Items.TryGetIndex("1104", out int item));
        Assert.Equal("C'est arrivé près de chez vous (1992)", data.TitleOf(item));
        Assert.Equal("Misérables, Les (1995)", data.TitleOf(data.Items.TryGetIndex("543", out int m) ? m : -1));
    }

    [DataFact("ml-100k")]
    public void Load_ThrowsWithFileAndLine_MalformedLineInStrictMode()
    {
        using var folder = CopyWithBadLine(17, "196\t242\tx\t881250949");

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(folder.Path));

        Assert.Equal("u.data:17: non-numeric value 'x' in field 3 (rating)", error.Message);
    }

    [DataFact("ml-100k")]
    public void Load_SkipsAndCountsOneLine_MalformedLineInLenientMode()
    {
        using var folder = CopyWithBadLine(250, "196\t242\tx\t881250949");

        var data = DatasetLoader.Load(folder.Path, new LoadOptions { Lenient = true });

        Assert.Equal(99_999, data.Interactions.Count);
        Assert.Equal(1, data.Cleaning.Total);
        Assert.Equal(1, data.Cleaning[CleaningCauses.NonNumericValue]);
        Assert.Equal(100_000, data.Cleaning.LinesRead);
        Assert.Equal(["u.data:250: non-numeric value 'x' in field 3 (rating)"], data.Cleaning.Examples);
    }

    [DataFact("ml-100k")]
    public void Load_RejectsUnknownItem_ItemNotInUItem()
    {
        using var folder = CopyWithBadLine(3, "196\t9999\t3\t881250949");

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(folder.Path));
        var data = DatasetLoader.Load(folder.Path, new LoadOptions { Lenient = true });

        Assert.Equal("u.data:3: unknown item '9999' (not in u.item)", error.Message);
        Assert.Equal(1, data.Cleaning[CleaningCauses.UnknownItem]);
        Assert.Equal(1_682, data.Items.Count);
    }

    [DataFact("ml-100k")]
    public void Load_RejectsOutOfRangeAndMissingFields_BadRows()
    {
        using var range = CopyWithBadLine(5, "196\t242\t6\t881250949");
        using var missing = CopyWithBadLine(8, "196\t242\t3");

        var rangeError = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(range.Path));
        var missingError = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(missing.Path));

        Assert.Equal("u.data:5: value 6 outside the rating scale 1..5", rangeError.Message);
        Assert.Equal("u.data:8: expected 4 fields, found 3", missingError.Message);
    }

    [Fact]
    public void Load_RejectsUnknownUserAndKeepsMetadataCatalogue_SyntheticFolder()
    {
        using var folder = new TempFolder();
        folder.Write("u.item", "1|Café (1990)|01-Jan-1990||http://x|" + string.Join('|', Enumerable.Repeat("0", 19)) + "\n"
            + "2|Unrated (1991)|||" + "|1" + string.Concat(Enumerable.Repeat("|0", 18)) + "\n", System.Text.Encoding.Latin1);
        folder.Write("u.user", "1|24|M|technician|85711\n");
        folder.Write("u.data", "1\t1\t4\t10\n2\t1\t5\t20\n");

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(folder.Path));
        var data = DatasetLoader.Load(folder.Path, new LoadOptions { Lenient = true });

        Assert.Equal("u.data:2: unknown user '2' (not in u.user)", error.Message);
        Assert.Equal(1, data.Cleaning[CleaningCauses.UnknownUser]);
        Assert.Single(data.Interactions);
        // Item 2 has no rating but stays: u.item defines the catalogue.
        Assert.Equal(["1", "2"], data.Items.Ids);
        Assert.Equal("Café (1990)", data.TitleOf(0));
        Assert.Equal(["genre-0"], data.ItemMetadata[1]!.Genres);
        Assert.Null(data.ItemMetadata[1]!.Year);
    }

    // Copies the real metadata and u.data, replacing one (1-based) line of u.data.
    private static TempFolder CopyWithBadLine(int lineNumber, string replacement)
    {
        var folder = new TempFolder();
        string source = TestData.PathOf("ml-100k");
        foreach (string name in (string[])["u.item", "u.user", "u.genre"])
        {
            folder.Copy(Path.Combine(source, name));
        }

        string[] lines = File.ReadAllLines(Path.Combine(source, "u.data"));
        lines[lineNumber - 1] = replacement;
        File.WriteAllLines(Path.Combine(folder.Path, "u.data"), lines);
        return folder;
    }
}
