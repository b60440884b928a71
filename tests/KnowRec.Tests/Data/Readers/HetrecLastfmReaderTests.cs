using KnowRec.Data;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class HetrecLastfmReaderTests
{
    [DataFact("hetrec-lastfm-2k")]
    public void Load_MatchesReadmeCounts_RealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("hetrec-lastfm-2k"));

        Assert.Equal(92_834, data.Interactions.Count);
        Assert.Equal(1_892, data.Users.Count);
        Assert.Equal(17_632, data.Items.Count);
        Assert.Equal(FeedbackKind.Implicit, data.Feedback);
        Assert.Null(data.RatingScale);
        var first = data.Interactions[0];
        Assert.Equal(("2", "51", 13883f), (data.Users[first.User], data.Items[first.Item], first.Value));
        Assert.Equal(data.Items.Count, data.ItemMetadata.Count);
    }

    [DataFact("hetrec-lastfm-2k")]
    public void Load_ReadsUtf8NamesAndTopTags_RealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("hetrec-lastfm-2k"));

        Assert.True(data.Items.TryGetIndex("295", out int beyonce));
        Assert.Equal("Beyoncé", data.TitleOf(beyonce));
        Assert.True(data.Items.TryGetIndex("1360", out int motorhead));
        var metadata = data.ItemMetadata[motorhead]!;
        Assert.Equal("Motörhead", metadata.Title);
        Assert.InRange(metadata.Genres.Count, 1, 10);
        Assert.Contains("heavy metal", metadata.Genres);
        Assert.Equal("http://www.last.fm/music/Mot%C3%B6rhead", metadata.Attributes["url"]);
    }

    [DataFact("kg-lastfm-satori")]
    public void Load_TakesCatalogueFromInteractions_NoArtistsFile()
    {
        var data = DatasetLoader.Load(TestData.PathOf("kg-lastfm-satori"));

        Assert.Equal(92_834, data.Interactions.Count);
        Assert.Equal(1_892, data.Users.Count);
        Assert.Equal(17_632, data.Items.Count);
        Assert.All(data.ItemMetadata, m => Assert.Null(m));
    }

    [Fact]
    public void Load_RejectsNegativePlayCount_ImplicitData()
    {
        using var folder = new TempFolder();
        folder.Write("user_artists.dat", "userID\tartistID\tweight\r\n1\t2\t5\r\n1\t3\t-4\r\n");

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(folder.Path));

        Assert.Equal("user_artists.dat:3: value -4 outside 0 or more", error.Message);
    }
}
