namespace KnowRec.Features.Text.Onnx;

/// <summary>Creates the <c>onnx</c> text encoder from a <c>--model-path</c> value.</summary>
public static class OnnxTextEncoderFactory
{
    /// <summary>The encoder's name in the text-encoder registry and on the command line (<c>--text-encoder onnx</c>).</summary>
    public const string Name = "onnx";

    /// <summary>The settings key that holds the model folder or name (<c>--model-path</c>).</summary>
    public const string ModelPathSetting = "model-path";

    /// <summary>Opens the model named by <paramref name="settings"/>[<see cref="ModelPathSetting"/>] with at most <paramref name="threads"/> intra-op threads (0: ONNX Runtime's choice).</summary>
    /// <inheritdoc cref="Create(string?, OnnxTextEncoderOptions?)" path="/exception"/>
    public static OnnxTextEncoder Create(IReadOnlyDictionary<string, string> settings, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(settings.GetValueOrDefault(ModelPathSetting), new OnnxTextEncoderOptions { IntraOpThreads = threads });
    }

    /// <summary>Opens the sentence-transformers ONNX export at <paramref name="modelPath"/>: a folder, or a model name under
    /// <see cref="ModelLocator.DefaultRoots"/> (e.g. <c>all-MiniLM-L6-v2</c> after <c>knowrec models pull all-MiniLM-L6-v2</c>).</summary>
    /// <exception cref="ArgumentException">No model path was given.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (the message lists where a name was looked for).</exception>
    /// <exception cref="FileNotFoundException">model.onnx or vocab.txt is missing.</exception>
    /// <exception cref="InvalidDataException">A config or the ONNX graph is invalid, or the graph is not BERT-shaped.</exception>
    public static OnnxTextEncoder Create(string? modelPath, OnnxTextEncoderOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(modelPath))
        {
            throw new ArgumentException("The onnx text encoder needs --model-path DIR: a sentence-transformers ONNX export such as all-MiniLM-L6-v2 (`knowrec models pull all-MiniLM-L6-v2` downloads one).", nameof(modelPath));
        }

        return OnnxTextEncoder.Open(ModelLocator.Resolve(modelPath), options);
    }
}
