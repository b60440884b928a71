using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class MovieLensLatestReaderTests
{
    [DataFact("ml-latest-small")]
    public void Load_MatchesReadmeCounts_RealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-latest-small"));

        Assert.Equal(100_836, data.Interactions.Count);
        Assert.Equal(610, data.Users.Count);
        // The catalogue is movies.csv (9,742), of which 9,724 are rated.
        Assert.Equal(9_742, data.Items.Count);
        Assert.Equal(9_724, data.Interactions.Select(i => i.Item).Distinct().Count());
        Assert.Equal((0.5f, 5f), data.RatingScale);
        Assert.Equal(0.5f, data.Interactions.Min(i => i.Value));
        Assert.Equal(828124615L, data.Interactions.Min(i => i.Timestamp));
        Assert.Equal(data.Items.Count, data.ItemMetadata.Count);
        Assert.Equal(data.Users.Count, data.UserAttributes.Count);
    }

    [DataFact("ml-latest-small")]
    public void Load_UnquotesTitlesAndAttachesTagsAndLinks_RealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-latest-small"));

        Assert.True(data.Items.TryGetIndex("29", out int lostChildren));
        Assert.Equal("City of Lost Children, The (Cité des enfants perdus, La) (1995)", data.TitleOf(lostChildren));
        Assert.Equal(1995, data.ItemMetadata[lostChildren]!.Year);
        Assert.True(data.Items.TryGetIndex("1", out int toyStory));
        var movie = data.ItemMetadata[toyStory]!;
        Assert.Equal(["Adventure", "Animation", "Children", "Comedy", "Fantasy"], movie.Genres);
        Assert.Contains("pixar", movie.Text!, StringComparison.Ordinal);
        Assert.Equal("0114709", movie.Attributes["imdbId"]);
        Assert.Equal("862", movie.Attributes["tmdbId"]);
    }

    [Fact]
    public void Load_ReadsQuotedMultiLineFields_SyntheticCsv()
    {
        using var folder = new TempFolder();
        folder.Write("movies.csv", "movieId,title,genres\n1,\"Say \"\"Hi\"\", Bob (2001)\",Comedy\n2,\"Two\nLines (2002)\",(no genres listed)\n");
        folder.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.5,5\n1,2,0.5,6\n");

        var data = DatasetLoader.Load(folder.Path);

        Assert.Equal("Say \"Hi\", Bob (2001)", data.TitleOf(0));
        Assert.Equal("Two\nLines (2002)", data.TitleOf(1));
        Assert.Empty(data.ItemMetadata[1]!.Genres);
        Assert.Equal(2, data.Interactions.Count);
    }

    [Fact]
    public void Load_HonoursRatingOverride_ValueOutsideDefaultScale()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,10,5\n");

        Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(folder.Path));
        var data = DatasetLoader.Load(folder.Path, new LoadOptions { RatingMax = 10 });

        Assert.Equal((0.5f, 10f), data.RatingScale);
        Assert.Single(data.Interactions);
    }
}
