using KnowRec.Features.Text.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Xunit;

namespace KnowRec.Tests.Features.Text.Onnx;

public sealed class OnnxTextEncoderTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "the cat sat on the mat.",
        "a dog",
        "Running fast, the big red dogs ran!",
        "blue sky",
        "the house",
        "a very very slow cat and a very fast dog sat on a big blue mat",
        "",
        "tokenization",
        "the cat",
    ];

    private readonly TempFolder _temp = new();
    private readonly TinyBert _model = new(TinyBertFolder.SmallVocabulary.Length, hidden: 8, positions: 40);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NativeRuntime_Loads()
    {
        // The native libonnxruntime must load on this machine before anything else here can pass.
        Assert.StartsWith("1.", OrtEnv.Instance().GetVersionString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_MatchesDirectComputation_ForEachText()
    {
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model), new OnnxTextEncoderOptions { BatchSize = 4 });
        var ids = encoder.Tokenize(Texts);
        var vectors = encoder.Encode(Texts);

        Assert.Equal(8, encoder.Dimension);
        for (int i = 0; i < Texts.Length; i++)
        {
            AssertClose(_model.SentenceVector(ids[i]), vectors[i]);
        }
    }

    [Fact]
    public void Encode_MixedLengthBatch_EqualsOneByOne()
    {
        string folder = TinyBertFolder.Write(_temp.Path, _model);
        using var batched = OnnxTextEncoder.Open(folder, new OnnxTextEncoderOptions { BatchSize = 32 });
        using var single = OnnxTextEncoder.Open(folder, new OnnxTextEncoderOptions { BatchSize = 1 });

        var together = batched.Encode(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            var alone = single.Encode([Texts[i]])[0];
            for (int j = 0; j < alone.Length; j++)
            {
                Assert.Equal(alone[j], together[i][j], 1e-5);
            }
        }
    }

    [Fact]
    public void Encode_ReturnsUnitVectors()
    {
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model));
        foreach (var vector in encoder.Encode(Texts))
        {
            Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 1e-5);
        }
    }

    [Fact]
    public void Tokenize_WrapsInClsSep_AndLowerCases()
    {
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model));
        int[] expected = [.. new[] { "[CLS]", "run", "##ning", "fast", ",", "the", "dog", "##s", "!", "[SEP]" }.Select(TinyBertFolder.IdOf)];
        Assert.Equal(expected, encoder.Tokenize(["Running FAST, the dogs!"])[0]);
        Assert.Equal([TinyBertFolder.IdOf("[CLS]"), TinyBertFolder.IdOf("[SEP]")], encoder.Tokenize([""])[0]);
    }

    [Fact]
    public void Encode_TruncatesAtMaxLengthFromConfig()
    {
        // max_seq_length 6 = [CLS] + 4 word pieces + [SEP]: the long text must encode exactly like its first four pieces.
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model, maxSequenceLength: 6));
        var ids = encoder.Tokenize(["the cat sat on the big red mat", "the cat sat on"]);

        Assert.Equal(6, encoder.MaxLength);
        Assert.Equal(ids[1], ids[0]);
        var vectors = encoder.Encode(["the cat sat on the big red mat", "the cat sat on"]);
        Assert.Equal(vectors[1], vectors[0]);
        AssertClose(_model.SentenceVector(ids[1]), vectors[0]);
    }

    [Fact]
    public void Encode_TruncationCutsInsideAWord_LikeHuggingFace()
    {
        // "tokenization" is two pieces; with room for one the second piece is dropped, not the whole word.
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model), new OnnxTextEncoderOptions { MaxLength = 3 });
        Assert.Equal([TinyBertFolder.IdOf("[CLS]"), TinyBertFolder.IdOf("token"), TinyBertFolder.IdOf("[SEP]")], encoder.Tokenize(["tokenization"])[0]);
    }

    [Fact]
    public void Options_MaxLengthOverridesConfig()
    {
        string folder = TinyBertFolder.Write(_temp.Path, _model, maxSequenceLength: 16);
        using var configured = OnnxTextEncoder.Open(folder);
        using var overridden = OnnxTextEncoder.Open(folder, new OnnxTextEncoderOptions { MaxLength = 5 });

        Assert.Equal(16, configured.MaxLength);
        Assert.Equal(5, overridden.MaxLength);
        Assert.Equal(5, overridden.Tokenize([Texts[5]])[0].Length);
        Assert.True(configured.Tokenize([Texts[5]])[0].Length > 5);
    }

    [Fact]
    public void Options_IntraOpThreadsDoNotChangeVectors()
    {
        string folder = TinyBertFolder.Write(_temp.Path, _model);
        using var one = OnnxTextEncoder.Open(folder, new OnnxTextEncoderOptions { IntraOpThreads = 1 });
        using var two = OnnxTextEncoder.Open(folder, new OnnxTextEncoderOptions { IntraOpThreads = 2 });
        var a = one.Encode(Texts);
        var b = two.Encode(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            AssertClose([.. a[i].Select(v => (double)v)], b[i]);
        }
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(32, -1, null)]
    [InlineData(32, 0, 2)]
    public void Options_Invalid_Throw(int batchSize, int threads, int? maxLength)
    {
        var options = new OnnxTextEncoderOptions { BatchSize = batchSize, IntraOpThreads = threads, MaxLength = maxLength };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Open_ModelWithoutTokenTypes_FeedsOnlyDeclaredInputs()
    {
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model, onnx: _model.ToOnnx(tokenTypes: false)));
        var ids = encoder.Tokenize(Texts);
        var vectors = encoder.Encode(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            AssertClose(_model.SentenceVector(ids[i], tokenTypes: false), vectors[i]);
        }
    }

    [Theory]
    [InlineData("last_hidden_state", true)]
    [InlineData("token_embeddings", true)]
    [InlineData("hidden", false)]
    public void Open_ChoosesTokenStateOutput(string output, bool decoyFirst)
    {
        // A [batch, 1, hidden] decoy output comes first: the named output must win over it; an unnamed one is used when alone.
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model, onnx: _model.ToOnnx(output: output, pooledFirst: decoyFirst)));
        var ids = encoder.Tokenize(Texts);
        var vectors = encoder.Encode(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            AssertClose(_model.SentenceVector(ids[i]), vectors[i]);
        }
    }

    [Fact]
    public void Open_FindsModelInOnnxSubfolder()
    {
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model, modelFile: "onnx/model.onnx"));
        Assert.Equal(8, encoder.Encode(["a dog"])[0].Length);
    }

    [Fact]
    public async Task GenerateAsync_ReturnsEmbeddingsInOrder_WithMetadata()
    {
        using var generator = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model));
        var embeddings = await generator.GenerateAsync(Texts);
        var direct = generator.Encode(Texts);

        Assert.Equal(Texts.Length, embeddings.Count);
        for (int i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(direct[i], embeddings[i].Vector.ToArray());
        }

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal("onnx", metadata?.ProviderName);
        Assert.Equal(8, metadata?.DefaultModelDimensions);
        Assert.True(embeddings.Usage?.InputTokenCount > Texts.Length * 2);
    }

    [Fact]
    public void Dispose_ThenEncode_Throws()
    {
        var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model));
        encoder.Dispose();
        encoder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(["a dog"]));
    }

    [Fact]
    public void Encode_NoTexts_ReturnsNoVectors()
    {
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model));
        Assert.Empty(encoder.Encode(Array.Empty<string>()));
    }

    [Fact]
    public void Encode_HonoursCancellation()
    {
        using var encoder = OnnxTextEncoder.Open(TinyBertFolder.Write(_temp.Path, _model));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => encoder.Encode(Texts, cancelled.Token));
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], 1e-5);
        }
    }
}
