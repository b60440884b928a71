using System.Text;
using KnowRec.Data;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class MovieLens1mReaderTests
{
    [DataFact("ml-1m/ratings-partial-users-1-2999")]
    public void Load_ReadsGzipRatings_PartialFolderGivenExplicitly()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-1m/ratings-partial-users-1-2999"));

        Assert.Equal(487_650, data.Interactions.Count);
        Assert.Equal(FeedbackKind.Explicit, data.Feedback);
        Assert.True(data.HasTimestamps);
        // movies.dat and users.dat come from the parent folder and fix the catalogues.
        Assert.Equal(3_883, data.Items.Count);
        Assert.Equal(6_040, data.Users.Count);
        Assert.True(data.Users.TryGetIndex("1", out int user1));
        Assert.True(data.Users.TryGetIndex("2", out int user2));
        Assert.Equal(53, data.Matrix.CountOf(user1));
        Assert.Equal(129, data.Matrix.CountOf(user2));
        var first = data.Interactions[0];
        Assert.Equal(("1", "1193", 5f, 978300760L), (data.Users[first.User], data.Items[first.Item], first.Value, first.Timestamp));
        Assert.Equal("F", data.UserAttributes[user1]!["gender"]);
    }

    [DataFact("ml-1m")]
    public void Load_ThrowsNamingSubfolders_FolderWithoutRatings()
    {
        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(TestData.PathOf("ml-1m")));

        Assert.Contains("no ratings.dat", error.Message, StringComparison.Ordinal);
        Assert.Contains("pieces-LIN452-ReSN", error.Message, StringComparison.Ordinal);
        Assert.Contains("ratings-partial-users-1-2999", error.Message, StringComparison.Ordinal);
    }

    [DataFact("ml-1m")]
    public void Load_DecodesLatin1Titles_AccentedTitle()
    {
        using var folder = new TempFolder();
        folder.Copy(TestData.PathOf("ml-1m/movies.dat"));
        folder.Write("ratings.dat", "1::73::4::978300760\n");

        var data = DatasetLoader.Load(folder.Path);

        Assert.True(data.Items.TryGetIndex("73", out int item));
        Assert.Equal("Misérables, Les (1995)", data.TitleOf(item));
        Assert.Equal(1995, data.ItemMetadata[item]!.Year);
        Assert.Equal(["Drama", "Musical"], data.ItemMetadata[item]!.Genres);
        Assert.Equal(3_883, data.Items.Count);
    }

    [Fact]
    public void Load_ReadsGzipFile_FilePassedDirectly()
    {
        using var folder = new TempFolder();
        folder.Write("movies.dat", "1::Café (1990)::Drama\n2::B (1991)::Comedy|Drama\n", Encoding.Latin1);
        string file = folder.WriteGzip("ratings.dat.gz", "7::1::5::10\n7::2::3::20\n8::2::1::30\n");

        var data = DatasetLoader.Load(file);

        Assert.Equal(3, data.Interactions.Count);
        Assert.Equal("Café (1990)", data.TitleOf(0));
        Assert.Equal(["7", "8"], data.Users.Ids);
        Assert.Equal("ratings", data.Name);
    }

    [Fact]
    public void Load_ThrowsWithGzipFileName_BadLineInGzip()
    {
        using var folder = new TempFolder();
        folder.WriteGzip("ratings.dat.gz", "7::1::5::10\n7::2::3\n");

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(folder.Path));

        Assert.Equal("ratings.dat.gz:2: expected 4 fields, found 3", error.Message);
    }
}
