using KnowRec.Data;
using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Cleaning;

public class DataCleanerTests
{
    // user,item,value,timestamp: (u1,a) three times, values 3@t30, 5@t10, 2@t20.
    private const string Duplicates = "u1,a,3,30\nu1,a,5,10\nu2,a,1,5\nu1,a,2,20\n";

    [Theory]
    [InlineData(DuplicatePolicy.KeepLatest, 3f, 30L)]
    [InlineData(DuplicatePolicy.KeepMax, 5f, 10L)]
    [InlineData(DuplicatePolicy.Sum, 10f, 30L)]
    public void Load_MergesDuplicates_EachPolicy(DuplicatePolicy policy, float value, long timestamp)
    {
        using var folder = new TempFolder();
        string file = folder.Write("d.csv", Duplicates);

        var data = DatasetLoader.Load(file, Options() with { DuplicatePolicy = policy });

        Assert.Equal(2, data.Interactions.Count);
        var merged = data.Interactions.Single(i => data.Users[i.User] == "u1");
        Assert.Equal((value, timestamp), (merged.Value, merged.Timestamp));
        Assert.Equal(2, data.Cleaning[CleaningCauses.Duplicate]);
        Assert.Equal(4, data.Cleaning.LinesRead);
        Assert.Equal(2, data.Cleaning.RowsKept);
    }

    [Fact]
    public void Load_KeepsLaterRow_DuplicatesWithoutTimestamps()
    {
        using var folder = new TempFolder();
        string file = folder.Write("d.csv", "u,a,2\nu,a,1\n");

        var data = DatasetLoader.Load(file, new LoadOptions { ColumnMapping = new ColumnMapping { Value = "2" } });

        Assert.Equal(1f, Assert.Single(data.Interactions).Value);
    }

    [Fact]
    public void Load_IteratesUntilStable_KCoreHandCase()
    {
        // 2-core on users and items. Item c has one row, so u3 (c, a) drops to one row and goes too;
        // then a has rows only from u1 and u2, which both keep a and b: the 2-core is {u1,u2} × {a,b}.
        using var folder = new TempFolder();
        string file = folder.Write("k.csv", "u1,a\nu1,b\nu2,a\nu2,b\nu3,a\nu3,c\nu4,d\n");

        var data = DatasetLoader.Load(file, new LoadOptions { MinUserInteractions = 2, MinItemInteractions = 2 });

        Assert.Equal(["u1", "u2"], data.Users.Ids);
        Assert.Equal(["a", "b"], data.Items.Ids);
        Assert.Equal(4, data.Interactions.Count);
        Assert.Equal(3, data.Cleaning[CleaningCauses.KCore]);
    }

    [Fact]
    public void Load_CascadesRemovals_KCoreChain()
    {
        // Removing item z (1 row) leaves u2 with 1 row; removing u2 leaves y with 1 row; and so on.
        using var folder = new TempFolder();
        string file = folder.Write("k.csv", "u1,x\nu1,w\nu3,x\nu3,w\nu2,y\nu2,z\nu4,y\nu4,v\n");

        var data = DatasetLoader.Load(file, new LoadOptions { MinUserInteractions = 2, MinItemInteractions = 2 });

        Assert.Equal(["u1", "u3"], data.Users.Ids);
        Assert.Equal(4, data.Cleaning[CleaningCauses.KCore]);
    }

    [Fact]
    public void Load_FiltersUsersOnly_MinUserInteractionsAlone()
    {
        using var folder = new TempFolder();
        string file = folder.Write("k.csv", "u1,a\nu1,b\nu2,c\n");

        var data = DatasetLoader.Load(file, new LoadOptions { MinUserInteractions = 2 });

        Assert.Equal(["u1"], data.Users.Ids);
        Assert.Equal(["a", "b"], data.Items.Ids);
        Assert.Equal(1, data.Cleaning[CleaningCauses.KCore]);
    }

    [Fact]
    public void Load_KeepsMetadataItems_KCoreRemovesAllTheirRows()
    {
        using var folder = new TempFolder();
        folder.Write("movies.csv", "movieId,title,genres\n1,A (1990),Drama\n2,B (1991),Drama\n");
        folder.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4,1\n2,1,4,2\n1,2,4,3\n");

        var data = DatasetLoader.Load(folder.Path, new LoadOptions { MinItemInteractions = 2 });

        Assert.Equal(2, data.Items.Count);
        Assert.Equal(2, data.Interactions.Count);
        Assert.Equal(2, data.ItemMetadata.Count);
        Assert.Equal(1, data.Cleaning[CleaningCauses.KCore]);
    }

    [Fact]
    public void Load_MakesImplicitPositives_ThresholdSet()
    {
        using var folder = new TempFolder();
        string file = folder.Write("t.csv", "u1,a,4,1\nu1,b,3.5,2\nu2,a,5,3\nu2,c,1,4\n");

        var data = DatasetLoader.Load(file, Options() with { ImplicitThreshold = 4 });

        Assert.Equal(FeedbackKind.Implicit, data.Feedback);
        Assert.Null(data.RatingScale);
        Assert.Equal(2, data.Interactions.Count);
        Assert.All(data.Interactions, i => Assert.Equal(1f, i.Value));
        Assert.Equal(["a"], data.Items.Ids);
        Assert.Equal(2, data.Cleaning[CleaningCauses.BelowThreshold]);
    }

    [Fact]
    public void Load_AppliesThresholdAfterMerging_DuplicateWithLowLatestValue()
    {
        using var folder = new TempFolder();
        string file = folder.Write("d.csv", Duplicates);

        var data = DatasetLoader.Load(file, Options() with { ImplicitThreshold = 4 });

        // KeepLatest leaves (u1,a)=3, below 4; (u2,a)=1 is below too.
        Assert.Empty(data.Interactions);
        Assert.Equal(2, data.Cleaning[CleaningCauses.BelowThreshold]);
    }

    [DataFact("ml-100k")]
    public void Load_KeepsCatalogue_ThresholdOnRealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("ml-100k"), new LoadOptions { ImplicitThreshold = 4 });

        Assert.Equal(55_375, data.Interactions.Count);
        Assert.Equal(100_000 - 55_375, data.Cleaning[CleaningCauses.BelowThreshold]);
        Assert.Equal(1_682, data.Items.Count);
    }

    private static LoadOptions Options() => new()
    {
        ColumnMapping = new ColumnMapping { Value = "2", Timestamp = "3" },
        RatingMin = 1,
        RatingMax = 5,
    };
}
