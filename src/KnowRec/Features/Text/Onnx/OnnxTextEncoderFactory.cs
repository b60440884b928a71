namespace KnowRec.Features.Text.Onnx;

/// <summary>Creates the <c>onnx</c> text encoder from a <c>--model-path</c> value.</summary>
public static class OnnxTextEncoderFactory
{
    /// <summary>Opens the sentence-transformers ONNX export at <paramref name="modelPath"/>: a folder, or a model name under
    /// <see cref="ModelLocator.DefaultRoots"/> (e.g. <c>all-MiniLM-L6-v2</c> after <c>knowrec models pull all-MiniLM-L6-v2</c>).</summary>
    /// <exception cref="ArgumentException">No model path was given.</exception>
    /// <inheritdoc cref="OnnxTextEncoder.Open" path="/exception"/>
    public static OnnxTextEncoder Create(string? modelPath, OnnxTextEncoderOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(modelPath))
        {
            throw new ArgumentException("The onnx text encoder needs --model-path DIR: a sentence-transformers ONNX export such as all-MiniLM-L6-v2 (`knowrec models pull all-MiniLM-L6-v2` downloads one).", nameof(modelPath));
        }

        return OnnxTextEncoder.Open(ModelLocator.Resolve(modelPath), options);
    }
}
