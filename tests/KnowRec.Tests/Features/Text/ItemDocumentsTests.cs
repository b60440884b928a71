using KnowRec.Data;
using KnowRec.Features.Text;
using Xunit;

namespace KnowRec.Tests.Features.Text;

public sealed class ItemDocumentsTests
{
    private static Dataset Data()
    {
        var data = new Dataset("d", new IdMap(["u"]), new IdMap(["m1", "m2", "m3"]), [new(0, 0, 1)]);
        return data.WithItemMetadata(
        [
            new ItemMetadata
            {
                Title = "Toy Story (1995)",
                Year = 1995,
                Genres = ["Animation", "Comedy"],
                Text = "A cowboy doll feels threatened.",
                Attributes = new Dictionary<string, string> { ["director"] = "John Lasseter", ["source-id"] = "1" },
            },
            new ItemMetadata { Year = 2001 },
            null,
        ]);
    }

    [Fact]
    public void Of_JoinsTitleGenresPeopleAndText_WithoutIds()
    {
        var documents = ItemDocuments.Of(Data());
        Assert.Equal("Toy Story (1995)\nAnimation, Comedy\ndirector: John Lasseter\nA cowboy doll feels threatened.", documents.Texts[0]);
        Assert.Equal("2001", documents.Texts[1]);
        Assert.True(documents.HasText(1));
        Assert.False(documents.HasText(2));
        Assert.Equal(2, documents.WithText);
    }

    [Fact]
    public async Task Encode_MarksItemsWithoutTextAbsent()
    {
        var data = Data();
        string[] extra = ["Toy Story 2 (1999)\nAnimation, Comedy\ndirector: John Lasseter", "2001 Comedy"];
        var documents = ItemDocuments.Of(data);
        var encoder = TfidfLsaEncoder.Fit([.. documents.Texts.Where(t => t.Length > 0), .. extra], new TfidfLsaOptions { Dimension = 2, MinDocumentFrequency = 1 });
        var vectors = await TextVectors.EncodeAsync(documents, encoder);
        Assert.Equal("text", vectors.Name);
        Assert.Equal(2, vectors.PresentCount);
        Assert.False(vectors.IsPresent(2));
        Assert.Equal(encoder.Encode(documents.Texts[0]), vectors.Row(0).ToArray());
    }

    [Fact]
    public void EncodeByName_Throws_WhenNoItemHasText()
    {
        var data = new Dataset("d", new IdMap(["u"]), new IdMap(["m1"]), [new(0, 0, 1)]);
        Assert.Throws<ArgumentException>(() => TextVectors.Encode(data, "tfidf-lsa", new TextEncoderOptions()));
    }
}
