using KnowRec.Features.Text;
using Microsoft.Extensions.AI;
using Xunit;

namespace KnowRec.Tests.Features.Text;

public sealed class TfidfLsaEncoderTests
{
    private static readonly string[] Corpus =
    [
        "the cat sat on the mat",
        "the dog sat on the log",
        "cats and dogs are pets",
        "a space ship flies to mars",
        "the space station orbits the earth",
        "rockets fly to space",
    ];

    [Fact]
    public void Fit_WeighsWordsBySublinearTfAndSmoothIdf_ByHand()
    {
        // Word unigrams only, every term kept. Document 0 "the cat sat on the mat": tf(the) = 2.
        // N = 3; df: the 3, cat 1, sat 2, on 2, mat 1, dog 1, log 1, pets 1.
        string[] corpus = ["the cat sat on the mat", "the dog sat on the log", "the pets"];
        var options = new TfidfLsaOptions { WordNGramMax = 1, CharNGramMax = 0, MinDocumentFrequency = 1 };
        var (vectorizer, rows) = TfidfVectorizer.Fit(corpus, options);
        double idf(int df) => Math.Log(4.0 / (1 + df)) + 1;
        var expected = new Dictionary<string, double>
        {
            ["the"] = (1 + Math.Log(2)) * idf(3),
            ["cat"] = idf(1),
            ["sat"] = idf(2),
            ["on"] = idf(2),
            ["mat"] = idf(1),
        };
        double norm = Math.Sqrt(expected.Values.Sum(v => v * v));
        Assert.Equal(8, vectorizer.Features);
        Assert.Equal(1.0, idf(3), 12);
        var row = Row(rows, 0);
        Assert.Equal(5, row.Count);
        foreach (var (word, weight) in expected)
        {
            Assert.Equal(weight / norm, row[vectorizer.ColumnOfWord(word)], 6);
        }
    }

    [Fact]
    public void Fit_JoinsWordAndCharacterBlocks_EachAtNormOneOverRootTwo()
    {
        var options = new TfidfLsaOptions { MinDocumentFrequency = 1 };
        var (vectorizer, rows) = TfidfVectorizer.Fit(["ab", "ab cd"], options);

        // "ab" padded " ab ": 3-grams " ab", "ab " and the 4-gram " ab ": three char features plus one word.
        var row = Row(rows, 0);
        Assert.Equal(4, row.Count);
        Assert.Equal(1 / Math.Sqrt(2), row[vectorizer.ColumnOfWord("ab")], 6);
        int[] grams = [vectorizer.ColumnOfChars(" ab"), vectorizer.ColumnOfChars("ab "), vectorizer.ColumnOfChars(" ab ")];
        Assert.DoesNotContain(-1, grams);
        Assert.All(grams, g => Assert.Equal(1 / Math.Sqrt(6), row[g], 6));

        // Document 1 "ab cd": words ab, cd and the bigram "ab cd"; three character n-grams per word.
        Assert.Equal(3, Row(rows, 1).Count(e => e.Key < vectorizer.WordHashes.Length));
        Assert.Equal(6, Row(rows, 1).Count(e => e.Key >= vectorizer.WordHashes.Length));
    }

    [Fact]
    public void Fit_DropsRareFeatures_AndCapsFeatureCount()
    {
        var all = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { MinDocumentFrequency = 1 });
        var common = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { MinDocumentFrequency = 2 });
        var capped = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { MinDocumentFrequency = 1, MaxFeatures = 10 });
        Assert.True(common.Features < all.Features);
        Assert.Equal(10, capped.Features);
    }

    [Fact]
    public async Task GenerateAsync_GivesUnitVectors_ThatGroupSimilarTexts()
    {
        using var encoder = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { Dimension = 3, MinDocumentFrequency = 1 });
        Assert.Equal(3, encoder.Dimension);
        var embeddings = await encoder.GenerateAsync(["a cat on a mat", "space rockets", "zzzz qqqq"]);
        Assert.Equal(3, embeddings.Count);
        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(embeddings[0].Vector.Span), 5);
        Assert.All(embeddings[2].Vector.ToArray(), v => Assert.Equal(0f, v));
        float Cos(int i, string text) => System.Numerics.Tensors.TensorPrimitives.Dot(embeddings[i].Vector.Span, encoder.Encode(text));
        Assert.True(Cos(0, Corpus[0]) > Cos(0, Corpus[4]));
        Assert.True(Cos(1, Corpus[5]) > Cos(1, Corpus[1]));
        Assert.Equal(encoder.Id, embeddings[0].ModelId);
    }

    [Fact]
    public void Encode_OfCorpusDocument_EqualsNormalisedRowOfUSigma()
    {
        // x·V_k = u·Σ for a document of the corpus: compare with the dense projection onto V computed from the SVD.
        var options = new TfidfLsaOptions { Dimension = 4, MinDocumentFrequency = 1 };
        var (_, rows) = TfidfVectorizer.Fit(Corpus, options);
        var svd = KnowRec.Numerics.RandomizedSvd.Compute(rows, 4, options.Oversampling, options.PowerIterations, options.Seed);
        var encoder = TfidfLsaEncoder.Fit(Corpus, options);
        var e = encoder.Encode(Corpus[3]);
        var us = Enumerable.Range(0, 4).Select(c => svd.Left[(3 * 4) + c] * svd.SingularValues[c]).ToArray();
        float norm = System.Numerics.Tensors.TensorPrimitives.Norm(us);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(us[c] / norm, e[c], 4);
        }
    }

    [Fact]
    public async Task Whiten_ChangesTheEmbedding_AndDimensionsTruncates()
    {
        var plain = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { Dimension = 4, MinDocumentFrequency = 1 });
        var white = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { Dimension = 4, MinDocumentFrequency = 1, Whiten = true });
        Assert.NotEqual(plain.Encode(Corpus[0]), white.Encode(Corpus[0]));
        var two = await plain.GenerateAsync(Corpus, new EmbeddingGenerationOptions { Dimensions = 2 });
        Assert.Equal(2, two[0].Vector.Length);
        await Assert.ThrowsAsync<ArgumentException>(() => plain.GenerateAsync(Corpus, new EmbeddingGenerationOptions { Dimensions = 9 }));
    }

    [Fact]
    public void SaveLoad_GivesIdenticalEmbeddingsAndId()
    {
        var encoder = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { Dimension = 5, MinDocumentFrequency = 1 });
        using var stream = new MemoryStream();
        encoder.Save(stream);
        stream.Position = 0;
        var loaded = TfidfLsaEncoder.Load(stream);
        Assert.Equal(encoder.Id, loaded.Id);
        Assert.Equal(encoder.Encode("space cats"), loaded.Encode("space cats"));
        var bytes = stream.ToArray();
        bytes[bytes.Length / 2] ^= 1;
        Assert.Throws<InvalidDataException>(() => TfidfLsaEncoder.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Fit_IsDeterministic_AndSeedMatters()
    {
        var a = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { Dimension = 3, MinDocumentFrequency = 1, Threads = 1 });
        var b = TfidfLsaEncoder.Fit(Corpus, new TfidfLsaOptions { Dimension = 3, MinDocumentFrequency = 1, Threads = 2 });
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.Encode("mars"), b.Encode("mars"));
    }

    [Theory]
    [InlineData(0, "Dimension")]
    [InlineData(-1, "MinDocumentFrequency")]
    public void Validate_NamesTheProperty(int value, string property)
    {
        var options = property == "Dimension" ? new TfidfLsaOptions { Dimension = value } : new TfidfLsaOptions { MinDocumentFrequency = value };
        Assert.Equal(property, Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    [Fact]
    public void Fit_Throws_WhenNoFeatureIsFrequentEnough() =>
        Assert.Throws<ArgumentException>(() => TfidfLsaEncoder.Fit(["alpha", "beta"], new TfidfLsaOptions { MinDocumentFrequency = 2 }));

    [Fact]
    public void TextEncoders_CreatesTfidfLsa_AndListsKnownNamesForUnknown()
    {
        using var encoder = TextEncoders.Create("TFIDF-LSA", new TextEncoderOptions { Dimension = 3 }, Corpus.Concat(Corpus).ToList());
        Assert.Equal(3, Assert.IsType<TfidfLsaEncoder>(encoder).Dimension);
        var e = Assert.Throws<ArgumentException>(() => TextEncoders.Create("word2vec", new TextEncoderOptions(), Corpus));
        Assert.Contains("tfidf-lsa", e.Message, StringComparison.Ordinal);
    }

    private static Dictionary<int, float> Row(KnowRec.Numerics.SparseMatrix rows, int row)
    {
        var result = new Dictionary<int, float>();
        for (int e = rows.RowStarts[row]; e < rows.RowStarts[row + 1]; e++)
        {
            result[rows.ColumnIndices[e]] = rows.Values[e];
        }

        return result;
    }
}
