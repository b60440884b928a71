using KnowRec.Models;
using KnowRec.Models.Popularity;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Storage;

public sealed class ModelFileTests
{
    private static byte[] Saved()
    {
        using var stream = new MemoryStream();
        PopularityModel.Fit(TinyData.Create()).Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Load_Rejects_FlippedByte()
    {
        var bytes = Saved();
        bytes[bytes.Length / 2] ^= 0x40;
        var e = Assert.Throws<InvalidDataException>(() => ModelCatalog.Load(new MemoryStream(bytes)));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Rejects_TruncatedFile() =>
        Assert.Throws<InvalidDataException>(() => ModelCatalog.Load(new MemoryStream(Saved()[..^5])));

    [Fact]
    public void Load_Rejects_OtherFiles() =>
        Assert.Throws<InvalidDataException>(() => ModelCatalog.Load(new MemoryStream("PK\u0003\u0004 not a model at all, just some text"u8.ToArray())));
}
