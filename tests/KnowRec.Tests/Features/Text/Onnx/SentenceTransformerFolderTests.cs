using KnowRec.Features.Text.Onnx;
using Xunit;

namespace KnowRec.Tests.Features.Text.Onnx;

public sealed class SentenceTransformerFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TinyBert _model = new(TinyBertFolder.SmallVocabulary.Length, hidden: 4, positions: 20);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_MissingFolder_ThrowsDirectoryNotFound()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => OnnxTextEncoder.Open(Path.Combine(_temp.Path, "nowhere")));
        Assert.Contains("nowhere", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TokenizerOnlyFolder_SaysModelOnnxIsMissing()
    {
        TinyBertFolder.Write(_temp.Path, _model);
        File.Delete(Path.Combine(_temp.Path, "model.onnx"));
        var e = Assert.Throws<FileNotFoundException>(() => OnnxTextEncoder.Open(_temp.Path));
        Assert.Contains("model.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingVocabulary_ThrowsFileNotFound()
    {
        TinyBertFolder.Write(_temp.Path, _model);
        File.Delete(Path.Combine(_temp.Path, "vocab.txt"));
        var e = Assert.Throws<FileNotFoundException>(() => OnnxTextEncoder.Open(_temp.Path));
        Assert.Contains("vocab.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_GarbageModel_ThrowsInvalidData()
    {
        TinyBertFolder.Write(_temp.Path, _model, onnx: [1, 2, 3, 4, 5]);
        var e = Assert.Throws<InvalidDataException>(() => OnnxTextEncoder.Open(_temp.Path));
        Assert.Contains("model.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BadConfigJson_ThrowsInvalidData()
    {
        TinyBertFolder.Write(_temp.Path, _model);
        _temp.Write("sentence_bert_config.json", "{ max_seq_length: ");
        var e = Assert.Throws<InvalidDataException>(() => OnnxTextEncoder.Open(_temp.Path));
        Assert.Contains("sentence_bert_config.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TakesMaxLengthFromSentenceBertConfig_CappedByPositions()
    {
        TinyBertFolder.Write(_temp.Path, _model, maxSequenceLength: 12);
        Assert.Equal(12, SentenceTransformerFolder.Read(_temp.Path).MaxLength);

        TinyBertFolder.Write(_temp.Path, _model, maxSequenceLength: 256);
        Assert.Equal(20, SentenceTransformerFolder.Read(_temp.Path).MaxLength);

        File.Delete(Path.Combine(_temp.Path, "sentence_bert_config.json"));
        File.Delete(Path.Combine(_temp.Path, "config.json"));
        var folder = SentenceTransformerFolder.Read(_temp.Path);
        Assert.Equal(512, folder.MaxLength); // tokenizer_config.json's model_max_length
        Assert.True(folder.LowerCase);
        Assert.True(folder.StripAccents);
    }

    [ModelFact("all-MiniLM-L6-v2-tokenizer")]
    public void Read_RealMiniLmConfigs()
    {
        // The real folder has no weights: copy its configs next to a test graph and check what is read from them.
        string real = TestModels.PathOf("all-MiniLM-L6-v2-tokenizer");
        foreach (string file in new[] { "vocab.txt", "tokenizer_config.json", "sentence_bert_config.json", "config.json" })
        {
            _temp.Copy(Path.Combine(real, file));
        }

        File.WriteAllBytes(Path.Combine(_temp.Path, "model.onnx"), [0]);
        var folder = SentenceTransformerFolder.Read(_temp.Path);
        Assert.Equal(256, folder.MaxLength);
        Assert.Equal(384, folder.HiddenSize);
        Assert.True(folder.LowerCase);
        Assert.True(folder.StripAccents); // strip_accents: null follows do_lower_case
    }

    [Fact]
    public void Factory_WithoutModelPath_AsksForIt()
    {
        var e = Assert.Throws<ArgumentException>(() => OnnxTextEncoderFactory.Create((string?)null));
        Assert.Contains("--model-path", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OnnxTextEncoderFactory.Create(new Dictionary<string, string>()));
    }

    [Fact]
    public void Factory_ResolvesModelNameUnderKnowrecModels()
    {
        TinyBertFolder.Write(Path.Combine(_temp.Path, "tiny"), _model);
        string? before = Environment.GetEnvironmentVariable(ModelLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, _temp.Path);
            using var encoder = OnnxTextEncoderFactory.Create(new Dictionary<string, string> { [OnnxTextEncoderFactory.ModelPathSetting] = "tiny" }, threads: 1);
            Assert.Equal("tiny", encoder.ModelId);
            Assert.Equal(4, encoder.Dimension);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, before);
        }
    }
}
