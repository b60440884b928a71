using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class DataLocatorTests
{
    [Fact]
    public void Resolve_ReturnsFullPath_ExistingPath()
    {
        using var folder = new TempFolder();

        Assert.Equal(Path.GetFullPath(folder.Path), DataLocator.Resolve(folder.Path, []));
    }

    [Fact]
    public void Resolve_FindsNestedNameInFirstMatchingRoot_NameGiven()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        second.Write("ml-1m/pieces/train.txt", "0 1\n");

        string found = DataLocator.Resolve("ml-1m/pieces", [first.Path, second.Path]);

        Assert.Equal(Path.Combine(second.Path, "ml-1m", "pieces"), found);
    }

    [Fact]
    public void Resolve_ThrowsListingEveryPlace_NameNotFound()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        var error = Assert.Throws<DirectoryNotFoundException>(() => DataLocator.Resolve("no-such-set", [first.Path, second.Path]));

        Assert.Contains(Path.Combine(first.Path, "no-such-set"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(second.Path, "no-such-set"), error.Message, StringComparison.Ordinal);
        Assert.Contains("KNOWREC_DATA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRoots_EndsWithHomeFolder_Always()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal(Path.Combine(home, ".knowrec", "datasets"), DataLocator.DefaultRoots[^1]);
    }

    [DataFact("ml-100k")]
    public void Load_ResolvesName_UnderKnowrecData()
    {
        var data = DatasetLoader.Load("ml-100k");

        Assert.Equal(100_000, data.Interactions.Count);
    }
}
