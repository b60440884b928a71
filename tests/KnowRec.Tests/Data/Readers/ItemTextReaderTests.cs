using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public sealed class ItemTextReaderTests
{
    private const string Good =
        "1::Toy Story::1995::G::22 Nov 1995::Animation, Comedy::John Lasseter::John Lasseter (original story by), Pete Docter (original story by)::Tom Hanks, Tim Allen::A boy's toys come to life.::http://p/1.jpg\r\n"
        + "1251::8½::N/A::UNRATED::N/A::Drama::Federico Fellini::N/A::Marcello Mastroianni::A director is stuck.::N/A\r\n";

    [Fact]
    public void Read_MeluLines_GivesKeyTitleYearAndFieldsWithoutNotAvailable()
    {
        using var folder = new TempFolder();
        folder.Write(ItemTextReader.MeluFile, Good);
        var rows = ItemTextReader.Read(folder.Path);
        Assert.Equal(2, rows.Count);
        var toy = rows[0];
        Assert.Equal(("1", "Toy Story", (int?)1995), (toy.Key, toy.Title, toy.Year));
        Assert.Equal("G", toy.Fields["rated"]);
        Assert.Equal("John Lasseter (original story by), Pete Docter (original story by)", toy.Fields["writer"]);
        Assert.Equal("Tom Hanks, Tim Allen", toy.Fields["actors"]);
        Assert.Equal("A boy's toys come to life.", toy.Fields["plot"]);
        Assert.Equal("http://p/1.jpg", toy.Fields["poster"]);
        var fellini = rows[1];
        Assert.Equal("8½", fellini.Title);
        Assert.Null(fellini.Year);
        Assert.False(fellini.Fields.ContainsKey("writer"));
        Assert.False(fellini.Fields.ContainsKey("poster"));
    }

    [Theory]
    [InlineData("7::Short::1995\r\n", "expected 11 '::'-separated fields, found 3")]
    [InlineData(" ::Title::1995::G::x::x::x::x::x::x::x\r\n", "empty movie id")]
    [InlineData("7:: ::1995::G::x::x::x::x::x::x::x\r\n", "empty title")]
    public void Read_BadLine_ThrowsWithFileAndLine(string bad, string reason)
    {
        using var folder = new TempFolder();
        string file = folder.Write("text.dat", Good + bad);
        var error = Assert.Throws<InvalidDataException>(() => ItemTextReader.Read(file));
        Assert.Equal($"text.dat:3: {reason}.", error.Message);
    }

    [Fact]
    public void Read_Lenient_SkipsAndCountsBadLines()
    {
        using var folder = new TempFolder();
        string file = folder.Write("text.dat", "broken line\r\n" + Good + "\r\n7::x\r\n");
        var report = new CleaningReport();
        var rows = ItemTextReader.Read(file, lenient: true, report);
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, report[CleaningCauses.MalformedLine]);
        Assert.StartsWith("text.dat:1:", report.Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Missing_ThrowsFileNotFound()
    {
        using var folder = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => ItemTextReader.Read(folder.Path));
    }

    [DataFact("ml-1m-movie-text-melu")]
    public void Read_MeluFile_AllRowsWithPlots()
    {
        var rows = ItemTextReader.Read(TestData.PathOf("ml-1m-movie-text-melu"));
        Assert.Equal(3_881, rows.Count);
        Assert.Equal(3_845, rows.Count(r => r.Fields.ContainsKey("plot")));  // 36 plots are "N/A"
        Assert.Equal("The Matrix", rows.Single(r => r.Key == "2571").Title);
    }
}
