using KnowRec.Data;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class DelimitedReaderTests
{
    [Fact]
    public void Load_MapsColumnsByHeaderName_CsvWithHeader()
    {
        using var folder = new TempFolder();
        string file = folder.Write("events.csv", "when,item,who,score\n100,\"a,1\",u1,4\n200,b,u2,2\n");
        var options = new LoadOptions
        {
            ColumnMapping = new ColumnMapping { User = "who", Item = "item", Value = "score", Timestamp = "when", HasHeader = true },
            RatingMin = 1,
            RatingMax = 5,
        };

        var data = DatasetLoader.Load(file, options);

        Assert.Equal(["u1", "u2"], data.Users.Ids);
        Assert.Equal(["a,1", "b"], data.Items.Ids);
        Assert.Equal(FeedbackKind.Explicit, data.Feedback);
        Assert.Equal(new Interaction(0, 0, 4f, 100), data.Interactions[0]);
        Assert.True(data.HasTimestamps);
    }

    [Fact]
    public void Load_MapsColumnsByIndex_GzippedTsvWithoutValue()
    {
        using var folder = new TempFolder();
        string file = folder.WriteGzip("clicks.tsv.gz", "x\ti1\tu1\ny\ti2\tu1\n");
        var options = new LoadOptions { ColumnMapping = new ColumnMapping { User = "2", Item = "1" } };

        var data = DatasetLoader.Load(file, options);

        Assert.Equal(FeedbackKind.Implicit, data.Feedback);
        Assert.Equal(["u1"], data.Users.Ids);
        Assert.Equal(2, data.Interactions.Count);
        Assert.All(data.Interactions, i => Assert.Equal(1f, i.Value));
        Assert.False(data.HasTimestamps);
    }

    [Fact]
    public void Load_SplitsOnMultiCharacterDelimiter_ExplicitFormat()
    {
        using var folder = new TempFolder();
        string file = folder.Write("r.txt", "1::10::3\n2::10::5\n");
        var options = new LoadOptions
        {
            Format = DatasetFormats.Delimited,
            ColumnMapping = new ColumnMapping { Value = "2", Delimiter = "::" },
        };

        var data = DatasetLoader.Load(file, options);

        Assert.Equal([3f, 5f], data.Interactions.Select(i => i.Value));
    }

    [Fact]
    public void Load_ThrowsNamingColumn_UnknownHeaderName()
    {
        using var folder = new TempFolder();
        string file = folder.Write("e.csv", "a,b\n1,2\n");
        var options = new LoadOptions { ColumnMapping = new ColumnMapping { User = "user", Item = "b", HasHeader = true } };

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(file, options));

        Assert.Contains("ColumnMapping.User 'user'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsLineNumberAfterHeader_NonNumericValue()
    {
        using var folder = new TempFolder();
        string file = folder.Write("e.csv", "u,i,v\n1,2,3\n\n1,3,abc\n");
        var options = new LoadOptions { ColumnMapping = new ColumnMapping { Value = "v", HasHeader = true } };

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(file, options));

        Assert.Equal("e.csv:4: non-numeric value 'abc' in field 3 (value)", error.Message);
    }
}
