namespace KnowRec.Features.Text.Onnx;

/// <summary>The pretrained text models <c>knowrec models pull</c> can fetch.</summary>
/// <remarks>
/// The small files' SHA-256 digests are pinned from verbatim copies of the Hub files (sizes and git blob ids match the
/// published ones). The ONNX graph is a Git LFS file; the Hub states its SHA-256 in the <c>X-Linked-Etag</c> header of
/// the redirect it answers with, and the download must match that.
/// </remarks>
public static class PretrainedModels
{
    /// <summary>Where the Hub is reached unless <c>HF_ENDPOINT</c> names a mirror.</summary>
    public static readonly Uri DefaultEndpoint = new("https://huggingface.co");

    /// <summary>All known models.</summary>
    public static IReadOnlyList<PretrainedModel> All { get; } =
    [
        new(
            "all-MiniLM-L6-v2",
            "sentence-transformers/all-MiniLM-L6-v2",
            "main",
            [
                new("onnx/model.onnx", null),
                new("vocab.txt", "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"),
                new("tokenizer_config.json", "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"),
                new("special_tokens_map.json", "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"),
                new("tokenizer.json", "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"),
                new("config.json", "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"),
                new("sentence_bert_config.json", "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"),
                new("modules.json", "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf"),
                new("1_Pooling/config.json", "7ae1cc20fd48d7dca815482628b0809246858775691b6b35eac86618f82fd26b"),
            ]),
    ];

    /// <summary>The endpoint to download from: <c>$HF_ENDPOINT</c> when set (as huggingface_hub reads it), else the Hub.</summary>
    public static Uri Endpoint =>
        Environment.GetEnvironmentVariable("HF_ENDPOINT") is { Length: > 0 } mirror && Uri.TryCreate(mirror, UriKind.Absolute, out var uri) ? uri : DefaultEndpoint;

    /// <summary>The model with that name.</summary>
    /// <exception cref="ArgumentException">No model has that name.</exception>
    public static PretrainedModel Get(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No pretrained model is known as '{name}'. Known: {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));
}
