using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class DatasetFormatsTests
{
    [DataTheory]
    [InlineData("ml-100k", DatasetFormats.MovieLens100K)]
    [InlineData("ml-1m", DatasetFormats.MovieLens1M)]
    [InlineData("ml-1m/ratings-partial-users-1-2999", DatasetFormats.MovieLens1M)]
    [InlineData("ml-1m/ratings-partial-users-1-2999/ratings.dat.gz", DatasetFormats.MovieLens1M)]
    [InlineData("ml-1m/pieces-LIN452-ReSN", DatasetFormats.Pairs)]
    [InlineData("ml-latest-small", DatasetFormats.MovieLensLatest)]
    [InlineData("hetrec-lastfm-2k", DatasetFormats.HetrecLastfm)]
    [InlineData("kg-lastfm-satori", DatasetFormats.HetrecLastfm)]
    [InlineData("amazon-musical-instruments-5core", DatasetFormats.AmazonJson)]
    [InlineData("amazon-musical-instruments-5core/Musical_Instruments.json", DatasetFormats.AmazonJson)]
    [InlineData("ml-100k/u.data", DatasetFormats.Delimited)]
    public void Detect_NamesFormat_RealFolders(string folder, string expected)
    {
        Assert.Equal(expected, DatasetFormats.Detect(TestData.PathOf(folder)));
    }

    [Fact]
    public void Detect_ThrowsListingFiles_UnknownFolder()
    {
        using var folder = new TempFolder();
        folder.Write("notes.md", "hi");

        var error = Assert.Throws<InvalidDataException>(() => DatasetFormats.Detect(folder.Path));

        Assert.Contains("notes.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("LoadOptions.Format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UsesGivenFormat_OverridingDetection()
    {
        using var folder = new TempFolder();
        string file = folder.Write("ratings.dat", "1,2\n");

        var data = DatasetLoader.Load(file, new LoadOptions { Format = DatasetFormats.Delimited });

        Assert.Single(data.Interactions);
    }
}
