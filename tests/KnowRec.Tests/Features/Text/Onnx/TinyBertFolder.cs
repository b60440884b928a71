namespace KnowRec.Tests.Features.Text.Onnx;

/// <summary>Writes a sentence-transformers model folder around a <see cref="TinyBert"/>: model.onnx, vocab.txt and configs.</summary>
internal static class TinyBertFolder
{
    /// <summary>A small WordPiece vocabulary (line number = id) for tests that do not need the real one.</summary>
    public static readonly string[] SmallVocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat", "a", "dog", "##s", ",", ".", "!",
        "run", "##ning", "fast", "cafe", "very", "slow", "and", "big", "red", "house", "token", "##ization", "blue", "sky",
    ];

    public static int IdOf(string token) => Array.IndexOf(SmallVocabulary, token) is >= 0 and int id ? id : throw new ArgumentException(token);

    /// <summary>Writes the folder and returns its path.</summary>
    /// <param name="folder">Where to write (created when missing).</param>
    /// <param name="model">The weights; its vocabulary size must match <paramref name="vocabulary"/>.</param>
    /// <param name="vocabulary">Vocabulary lines, or null for <see cref="SmallVocabulary"/>.</param>
    /// <param name="maxSequenceLength">sentence_bert_config.json's max_seq_length.</param>
    /// <param name="stripAccents">tokenizer_config.json's strip_accents (null = follow do_lower_case).</param>
    /// <param name="onnx">Model bytes, or null for <c>model.ToOnnx()</c>.</param>
    /// <param name="modelFile">Path of the graph inside the folder.</param>
    public static string Write(
        string folder, TinyBert model, IReadOnlyList<string>? vocabulary = null, int maxSequenceLength = 16, bool? stripAccents = null,
        byte[]? onnx = null, string modelFile = "model.onnx")
    {
        vocabulary ??= SmallVocabulary;
        if (vocabulary.Count != model.Vocabulary)
        {
            throw new ArgumentException("The model's vocabulary size differs from the vocabulary.", nameof(vocabulary));
        }

        Directory.CreateDirectory(Path.Combine(folder, Path.GetDirectoryName(modelFile) ?? ""));
        File.WriteAllBytes(Path.Combine(folder, modelFile), onnx ?? model.ToOnnx());
        File.WriteAllLines(Path.Combine(folder, "vocab.txt"), vocabulary);
        string strip = stripAccents is { } s ? (s ? "true" : "false") : "null";
        File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"),
            $$"""{"do_lower_case": true, "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]", "tokenize_chinese_chars": true, "strip_accents": {{strip}}, "model_max_length": 512}""");
        File.WriteAllText(Path.Combine(folder, "sentence_bert_config.json"), $$"""{"max_seq_length": {{maxSequenceLength}}, "do_lower_case": false}""");
        File.WriteAllText(Path.Combine(folder, "config.json"),
            $$"""{"architectures": ["BertModel"], "hidden_size": {{model.Hidden}}, "max_position_embeddings": {{model.Positions}}, "vocab_size": {{model.Vocabulary}}, "type_vocab_size": 2}""");
        return folder;
    }
}
