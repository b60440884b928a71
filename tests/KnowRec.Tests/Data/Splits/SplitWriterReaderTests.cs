using KnowRec.Data;
using KnowRec.Data.Splits;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

public sealed class SplitWriterReaderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "knowrec-splits-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(SplitProtocol.UserRatio)]
    [InlineData(SplitProtocol.Temporal)]
    [InlineData(SplitProtocol.ColdItems)]
    public void Load_ReturnsSameRows_AfterSaveOntoSourceMaps(SplitProtocol protocol)
    {
        var data = SyntheticData.Create();
        var saved = Splitter.Split(data, new SplitOptions { Protocol = protocol })[0];

        SplitWriter.Save(saved, _directory);
        var loaded = SplitReader.Load(_directory, data);

        Assert.Equal(saved.Train.Interactions, loaded.Train.Interactions);
        Assert.Equal(saved.Test.Interactions, loaded.Test.Interactions);
        Assert.Same(data.Items, loaded.Test.Items);
        Assert.Equal("fixed", loaded.Protocol);
    }

    [Fact]
    public void Load_ReturnsSameRawRows_WithFreshMaps()
    {
        var data = SyntheticData.Create(timestamps: false);
        var saved = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.Random })[0];

        SplitWriter.Save(saved, _directory);
        var loaded = SplitReader.Load(_directory, feedback: FeedbackKind.Explicit);

        Assert.Equal(Raw(saved.Train), Raw(loaded.Train));
        Assert.Equal(Raw(saved.Test), Raw(loaded.Test));
        Assert.Equal(FeedbackKind.Explicit, loaded.Train.Feedback);
        Assert.False(loaded.Train.HasTimestamps);
    }

    [Fact]
    public void LoadDataset_MarksTestRows_SoFixedProtocolRebuildsTheSplit()
    {
        var data = SyntheticData.Create();
        var saved = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.UserRatio })[0];
        SplitWriter.Save(saved, _directory);

        var reloaded = SplitReader.LoadDataset(_directory);
        var split = Splitter.Split(reloaded, new SplitOptions { Protocol = SplitProtocol.Fixed })[0];

        Assert.True(reloaded.HasTimestamps);
        Assert.Equal(data.Interactions.Count, reloaded.Interactions.Count);
        Assert.Equal(Raw(saved.Test), Raw(split.Test));
        Assert.Equal(Raw(saved.Train), Raw(split.Train));
    }

    [Fact]
    public void Save_WritesInvariantShortestValuesAndEmptyTimestamp_WhenRowHasNoTime()
    {
        Interaction[] rows = [new(0, 1, 0.1f), new(1, 0, 3.4028235e38f, 1_700_000_000), new(0, 0, -1e-8f, 0)];
        var data = SyntheticData.FromRows(rows, users: 2, items: 2, timestamps: false);
        var split = new DataSplit(data.WithInteractions(rows[..2]), data.WithInteractions(rows[2..]), "fixed");

        SplitWriter.Save(split, _directory);

        Assert.Equal("u0\ti1\t0.1\t\nu1\ti0\t3.4028235E+38\t1700000000\n", File.ReadAllText(Path.Combine(_directory, "train.tsv")));
        Assert.Equal("u0\ti0\t-1E-08\t0\n", File.ReadAllText(Path.Combine(_directory, "test.tsv")));
        var loaded = SplitReader.Load(_directory, data);
        Assert.Equal(rows[..2], loaded.Train.Interactions);
        Assert.Equal(rows[2..], loaded.Test.Interactions);
    }

    [Fact]
    public void Save_ReplacesEarlierFilesAndLeavesNoTemporaryFiles_WhenRunTwice()
    {
        var data = SyntheticData.Create();
        SplitWriter.Save(Splitter.Split(data, new SplitOptions { Seed = 1 })[0], _directory);
        var second = Splitter.Split(data, new SplitOptions { Seed = 2 })[0];

        SplitWriter.Save(second, _directory);

        Assert.Equal(["test.tsv", "train.tsv"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(second.Test.Interactions, SplitReader.Load(_directory, data).Test.Interactions);
    }

    [Fact]
    public void Save_ThrowsAndWritesNothing_WhenIdHoldsTab()
    {
        var data = new Dataset("tabs", new IdMap(["u\t0"]), new IdMap(["i0", "i1"]), [new(0, 0, 1), new(0, 1, 1)]);
        var split = new DataSplit(data.WithInteractions([data.Interactions[0]]), data.WithInteractions([data.Interactions[1]]), "fixed");

        Assert.Throws<ArgumentException>(() => SplitWriter.Save(split, _directory));
        Assert.False(Directory.Exists(_directory));
    }

    [Theory]
    [InlineData("u0\ti0\t1", "expected 4 tab-separated fields")]
    [InlineData("u0\ti0\tfive\t1", "value 'five' is not a number")]
    [InlineData("u0\ti0\t5\tyesterday", "timestamp 'yesterday'")]
    [InlineData("\ti0\t5\t1", "user id is empty")]
    public void Load_NamesFileAndLine_WhenLineMalformed(string badLine, string reason)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "train.tsv"), "u0\ti0\t5\t1\n");
        File.WriteAllText(Path.Combine(_directory, "test.tsv"), $"u1\ti0\t4\t2\n{badLine}\n");

        var e = Assert.Throws<InvalidDataException>(() => SplitReader.Load(_directory));

        Assert.StartsWith(Path.Combine(_directory, "test.tsv") + ":2: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesFileAndLine_WhenIdUnknownToSource()
    {
        var data = SyntheticData.Create();
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "train.tsv"), "u0\ti0\t5\t1\nstranger\ti0\t5\t1\n");
        File.WriteAllText(Path.Combine(_directory, "test.tsv"), string.Empty);

        var e = Assert.Throws<InvalidDataException>(() => SplitReader.Load(_directory, data));

        Assert.Equal($"{Path.Combine(_directory, "train.tsv")}:2: user id 'stranger' is not in the source dataset.", e.Message);
    }

    [Fact]
    public void Load_ThrowsNamingPath_WhenFileMissing()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "train.tsv"), "u0\ti0\t5\t1\n");

        var e = Assert.Throws<FileNotFoundException>(() => SplitReader.Load(_directory));

        Assert.Equal(Path.Combine(_directory, "test.tsv"), e.FileName);
    }

    private static (string User, string Item, float Value, long Timestamp)[] Raw(Dataset part) =>
        [.. part.Interactions.Select(r => (part.Users[r.User], part.Items[r.Item], r.Value, r.Timestamp))];
}
