namespace KnowRec.Features.Text.Onnx;

/// <summary>How <see cref="OnnxTextEncoder"/> batches texts and how many threads ONNX Runtime may use.</summary>
public sealed record OnnxTextEncoderOptions
{
    /// <summary>Texts per ONNX Runtime call (default 32). Texts are sorted by length first, so a batch pads little.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Threads inside one operator (ONNX Runtime's intra-op pool); 0 (the default) lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Overrides the maximum tokens per text (with [CLS] and [SEP]) read from the model's configs; null (the default) keeps the model's.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentException($"BatchSize must be at least 1 (got {BatchSize}).", nameof(BatchSize));
        }

        if (IntraOpThreads < 0)
        {
            throw new ArgumentException($"IntraOpThreads must be 0 (ONNX Runtime's choice) or positive (got {IntraOpThreads}).", nameof(IntraOpThreads));
        }

        if (MaxLength is < 3)
        {
            throw new ArgumentException($"MaxLength must leave room for [CLS], one token and [SEP]: at least 3 (got {MaxLength}).", nameof(MaxLength));
        }
    }
}
