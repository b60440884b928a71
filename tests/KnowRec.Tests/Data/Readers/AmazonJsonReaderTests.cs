using KnowRec.Data;
using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class AmazonJsonReaderTests
{
    [DataFact("amazon-musical-instruments-5core")]
    public void Load_MatchesReadmeCounts_RealData()
    {
        var data = DatasetLoader.Load(TestData.PathOf("amazon-musical-instruments-5core"));

        Assert.Equal(10_261, data.Interactions.Count);
        Assert.Equal(1_429, data.Users.Count);
        Assert.Equal(900, data.Items.Count);
        Assert.Equal(FeedbackKind.Explicit, data.Feedback);
        Assert.True(data.HasTimestamps);
        Assert.Equal(data.Items.Count, data.ItemMetadata.Count);
        Assert.All(data.ItemMetadata, m => Assert.InRange(m!.Text!.Length, 1, 4000));
        var first = data.Interactions[0];
        Assert.Equal(("A2IBPI20UZIR0U", "1384719342", 5f, 1393545600L), (data.Users[first.User], data.Items[first.Item], first.Value, first.Timestamp));
        Assert.StartsWith("good\nNot much to write about here", data.ItemMetadata[first.Item]!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CountsEachBadLine_LenientMode()
    {
        using var folder = new TempFolder();
        string file = folder.Write("reviews.jsonl", """
            {"reviewerID": "u1", "asin": "i1", "overall": 4.0, "unixReviewTime": 10, "reviewText": "fine"}
            {"reviewerID": "u2", "asin": "i1", "overall": "x"}
            {"reviewerID": "u3", "overall": 3.0}
            {"reviewerID": "u4", "asin": "i2", "overall": 9.0}
            {not json
            """);

        var data = DatasetLoader.Load(file, new LoadOptions { Lenient = true });
        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(file));

        Assert.Single(data.Interactions);
        Assert.Equal(1, data.Cleaning[CleaningCauses.NonNumericValue]);
        Assert.Equal(1, data.Cleaning[CleaningCauses.MissingField]);
        Assert.Equal(1, data.Cleaning[CleaningCauses.OutOfRangeValue]);
        Assert.Equal(1, data.Cleaning[CleaningCauses.MalformedLine]);
        Assert.Equal("reviews.jsonl:2: non-numeric value 'x' in field overall", error.Message);
        Assert.Equal("fine", data.ItemMetadata[0]!.Text);
    }
}
