using System.Text.Json;

namespace KnowRec.Features.Text.Onnx;

/// <summary>The files and settings of a sentence-transformers model folder with an ONNX export.</summary>
/// <remarks>
/// The layout is the one Hugging Face publishes (e.g. sentence-transformers/all-MiniLM-L6-v2): <c>model.onnx</c> or
/// <c>onnx/model.onnx</c>, <c>vocab.txt</c>, and the optional configs <c>tokenizer_config.json</c> (casing, accents,
/// special tokens), <c>sentence_bert_config.json</c> (<c>max_seq_length</c>) and <c>config.json</c> (<c>hidden_size</c>,
/// <c>max_position_embeddings</c>). Missing configs fall back to BERT-uncased defaults.
/// </remarks>
public sealed record SentenceTransformerFolder
{
    /// <summary>Used when no config names a maximum length: BERT's position-embedding count.</summary>
    public const int DefaultMaxLength = 512;

    /// <summary>The model folder.</summary>
    public required string Folder { get; init; }

    /// <summary>The ONNX graph file.</summary>
    public required string ModelFile { get; init; }

    /// <summary>The WordPiece vocabulary, one token per line (line number = id).</summary>
    public required string VocabularyFile { get; init; }

    /// <summary>Lower-case text before WordPiece (<c>do_lower_case</c>).</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>Strip accents (<c>strip_accents</c>; when null in the config it follows <see cref="LowerCase"/>, as in Hugging Face).</summary>
    public bool StripAccents { get; init; } = true;

    /// <summary>Put spaces around CJK ideographs (<c>tokenize_chinese_chars</c>).</summary>
    public bool SplitChineseCharacters { get; init; } = true;

    /// <summary>Most tokens per text, [CLS] and [SEP] included.</summary>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>Width of the token vectors from <c>config.json</c>, or null when not stated.</summary>
    public int? HiddenSize { get; init; }

    /// <summary>Special tokens (<c>cls_token</c>, <c>sep_token</c>, <c>pad_token</c>, <c>unk_token</c>, <c>mask_token</c>).</summary>
    public string ClassificationToken { get; init; } = "[CLS]";

    /// <inheritdoc cref="ClassificationToken"/>
    public string SeparatorToken { get; init; } = "[SEP]";

    /// <inheritdoc cref="ClassificationToken"/>
    public string PaddingToken { get; init; } = "[PAD]";

    /// <inheritdoc cref="ClassificationToken"/>
    public string UnknownToken { get; init; } = "[UNK]";

    /// <inheritdoc cref="ClassificationToken"/>
    public string MaskToken { get; init; } = "[MASK]";

    /// <summary>Reads the folder's files and configs.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The ONNX graph or the vocabulary is missing.</exception>
    /// <exception cref="InvalidDataException">A config file is not valid JSON or holds an impossible value.</exception>
    public static SentenceTransformerFolder Read(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Model folder {folder} does not exist; point --model-path at a sentence-transformers ONNX export (or run `knowrec models pull all-MiniLM-L6-v2`).");
        }

        folder = Path.GetFullPath(folder);
        string model = new[] { "model.onnx", Path.Combine("onnx", "model.onnx") }.Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{folder} has no model.onnx (nor onnx/model.onnx); it needs the ONNX export of the model, not only its tokenizer.");
        string vocabulary = Path.Combine(folder, "vocab.txt");
        if (!File.Exists(vocabulary))
        {
            throw new FileNotFoundException($"{folder} has no vocab.txt (the WordPiece vocabulary).", vocabulary);
        }

        var tokenizer = ReadJson(folder, "tokenizer_config.json");
        var sentenceBert = ReadJson(folder, "sentence_bert_config.json");
        var config = ReadJson(folder, "config.json");
        bool lowerCase = Bool(tokenizer, "do_lower_case") ?? true;
        if (Bool(sentenceBert, "do_lower_case") == true)
        {
            lowerCase = true;
        }

        int? positions = Int(config, "max_position_embeddings");
        int? modelMax = Int(tokenizer, "model_max_length") is { } m && m < 1_000_000 ? m : null; // HF writes 1e30 for "no limit"
        int maxLength = Int(sentenceBert, "max_seq_length") ?? modelMax ?? positions ?? DefaultMaxLength;
        if (positions is { } p && p < maxLength)
        {
            maxLength = p;
        }

        if (maxLength < 3)
        {
            throw new InvalidDataException($"{folder}: the maximum sequence length {maxLength} leaves no room for text between [CLS] and [SEP].");
        }

        return new SentenceTransformerFolder
        {
            Folder = folder,
            ModelFile = model,
            VocabularyFile = vocabulary,
            LowerCase = lowerCase,
            StripAccents = Bool(tokenizer, "strip_accents") ?? lowerCase,
            SplitChineseCharacters = Bool(tokenizer, "tokenize_chinese_chars") ?? true,
            MaxLength = maxLength,
            HiddenSize = Int(config, "hidden_size"),
            ClassificationToken = Text(tokenizer, "cls_token") ?? "[CLS]",
            SeparatorToken = Text(tokenizer, "sep_token") ?? "[SEP]",
            PaddingToken = Text(tokenizer, "pad_token") ?? "[PAD]",
            UnknownToken = Text(tokenizer, "unk_token") ?? "[UNK]",
            MaskToken = Text(tokenizer, "mask_token") ?? "[MASK]",
        };
    }

    private static JsonElement? ReadJson(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new InvalidDataException($"{path}: expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }
    }

    private static JsonElement? Property(JsonElement? json, string name) =>
        json is { } j && j.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool? Bool(JsonElement? json, string name) => Property(json, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    private static int? Int(JsonElement? json, string name) =>
        Property(json, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetDouble(out double d) && d >= 1 && d <= int.MaxValue ? (int)d : null;

    // Special tokens are plain strings in most exports, objects with "content" in newer ones.
    private static string? Text(JsonElement? json, string name) => Property(json, name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Object } v when v.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String => c.GetString(),
        _ => null,
    };
}
