using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class PairsReaderTests
{
    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    public void Load_MatchesReadmeCounts_MovieLens1mPieces()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-1m/pieces-LIN452-ReSN"));

        Assert.Equal(800_167 + 200_042, data.Interactions.Count);
        Assert.Equal(6_040, data.Users.Count);
        Assert.Equal(3_706, data.Items.Count);
        Assert.NotNull(data.FixedTestMask);
        Assert.Equal(data.Interactions.Count, data.FixedTestMask.Count);
        Assert.Equal(200_042, data.FixedTestMask.Count(t => t));
        // Train rows first, then test rows.
        Assert.All(data.FixedTestMask.Take(800_167), t => Assert.False(t));
        Assert.All(data.FixedTestMask.Skip(800_167), t => Assert.True(t));
        Assert.Equal(FeedbackKind.Implicit, data.Feedback);
        Assert.False(data.HasTimestamps);
        Assert.All(data.Interactions, i => Assert.Equal(1f, i.Value));
        Assert.Equal("0", data.Users[0]);
        Assert.Equal("1196", data.Items[0]);
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    public void Load_AttachesTitlesByIdPlusOne_ParentHasMoviesDat()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-1m/pieces-LIN452-ReSN"));

        Assert.True(data.Items.TryGetIndex("0", out int toyStory));
        Assert.Equal("Toy Story (1995)", data.TitleOf(toyStory));
        Assert.True(data.Items.TryGetIndex("72", out int miserables));
        Assert.Equal("Misérables, Les (1995)", data.TitleOf(miserables));
        Assert.All(data.ItemMetadata, m => Assert.NotNull(m));
        Assert.True(data.Users.TryGetIndex("0", out int user1));
        Assert.Equal("F", data.UserAttributes[user1]!["gender"]);
    }

    [DataFact("ml-1m/pieces-LIN452-ReSN")]
    [Trait("Category", "Slow")] // a wall-clock bound: meaningful on a quiet machine, flaky beside other work
    public void Load_IsFast_MillionPairs()
    {
        string folder = TestData.PathOf("ml-1m/pieces-LIN452-ReSN");
        DatasetLoader.Load(folder);
        var watch = Stopwatch.StartNew();

        DatasetLoader.Load(folder);

        // Generous bound for a loaded 2-core CI box; typical is a few hundred ms.
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 4);
    }

    [Fact]
    public void Load_KeepsRawIdsAndAllowsUserOnlyLines_SyntheticSplit()
    {
        using var folder = new TempFolder();
        folder.Write("train.txt", "0 5 7\n1\n2 7  9\n");
        folder.Write("test.txt", "0 9\n2 5\n");

        var data = DatasetLoader.Load(folder.Path);

        Assert.Equal(["0", "2"], data.Users.Ids);
        Assert.Equal(["5", "7", "9"], data.Items.Ids);
        Assert.Equal([false, false, false, false, true, true], data.FixedTestMask);
        Assert.Equal(5, data.Cleaning.LinesRead);
        Assert.All(data.Interactions, i => Assert.False(i.HasTimestamp));
    }

    [Fact]
    public void Load_AttachesNoTitles_SomeIdPlusOneMissingFromMoviesDat()
    {
        using var root = new TempFolder();
        root.Write("movies.dat", "1::A (1990)::Drama\n");
        root.Write("pieces/train.txt", "0 0 1\n");
        root.Write("pieces/test.txt", "0\n");

        var data = DatasetLoader.Load(Path.Combine(root.Path, "pieces"));

        Assert.All(data.ItemMetadata, m => Assert.Null(m));
        Assert.Equal("0", data.TitleOf(0));
        Assert.Null(data.FixedTestMask);
    }
}
