using System.Text;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public sealed class ItemTagReaderTests
{
    [Fact]
    public void Read_HetrecFiles_CountsAssignmentsPerArtistAndTagIgnoringCase()
    {
        using var folder = new TempFolder();
        folder.Write("tags.dat", "tagID\ttagValue\r\n1\tmetal\r\n2\tMetal\r\n3\tcafé\r\n", Encoding.Latin1);
        folder.Write("user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\r\n2\t52\t1\t1\t4\t2009\r\n3\t52\t2\t1\t4\t2009\r\n3\t52\t3\t1\t4\t2009\r\n4\t60\t9\t1\t4\t2009\r\nbad\r\n");
        var tags = ItemTagReader.Read(folder.Path);
        Assert.Equal([new ItemTag("52", "metal", 2), new ItemTag("52", "café", 1)], tags);
    }

    [Fact]
    public void Read_MovieLensTagsCsv_HandlesQuotedTags()
    {
        using var folder = new TempFolder();
        folder.Write("tags.csv", "userId,movieId,tag,timestamp\n2,60756,funny,1\n3,60756,Funny,2\n2,89774,\"Boxing, story\",3\n");
        Assert.Equal([new ItemTag("60756", "funny", 2), new ItemTag("89774", "Boxing, story", 1)], ItemTagReader.Read(folder.Path));
    }

    [Fact]
    public void Read_NoTagFiles_IsEmpty()
    {
        using var folder = new TempFolder();
        Assert.Empty(ItemTagReader.Read(folder.Path));
        Assert.Empty(ItemTagReader.Read(Path.Combine(folder.Path, "absent")));
    }
}
