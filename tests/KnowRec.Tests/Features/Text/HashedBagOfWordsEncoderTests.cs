using KnowRec.Features.Text;
using Xunit;

namespace KnowRec.Tests.Features.Text;

public sealed class HashedBagOfWordsEncoderTests
{
    [Fact]
    public void Encode_IsUnitLengthAndDeterministic()
    {
        var encoder = new HashedBagOfWordsEncoder(64);
        float[] a = encoder.Encode("A toy story about toys");
        float[] b = new HashedBagOfWordsEncoder(64).Encode("a TOY story, about toys!");

        Assert.Equal(a, b); // case and punctuation do not matter
        Assert.Equal(1.0, Math.Sqrt(a.Sum(v => (double)v * v)), 5);
    }

    [Fact]
    public void Encode_SharedWordsMakeCloserVectors()
    {
        var encoder = new HashedBagOfWordsEncoder(256);
        float[] story = encoder.Encode("space western adventure with a cowboy");
        float[] near = encoder.Encode("western adventure with a cowboy in space");
        float[] far = encoder.Encode("romantic comedy in paris");

        Assert.True(Dot(story, near) > Dot(story, far) + 0.3);
    }

    [Fact]
    public void Encode_NoWords_IsZero()
    {
        Assert.All(new HashedBagOfWordsEncoder(16).Encode(" ... "), v => Assert.Equal(0f, v));
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
