using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace KnowRec.Features.Text.Onnx;

/// <summary>Sentence embeddings from a sentence-transformers ONNX export (e.g. all-MiniLM-L6-v2), run with ONNX Runtime.</summary>
/// <remarks>
/// Sentence-BERT (Reimers and Gurevych 2019): WordPiece ids → the exported BERT encoder (Devlin et al. 2019) → the last
/// hidden state (<c>last_hidden_state</c> or <c>token_embeddings</c>, else the first output) → attention-mask mean pooling
/// → L2 normalisation (see <see cref="MeanPooling"/>). Texts are sorted by token count and run <see
/// cref="OnnxTextEncoderOptions.BatchSize"/> at a time, each batch right-padded to its longest text, so padding costs
/// little and never changes a vector. An export whose chosen output is already [batch, dimension] is taken as pooled and
/// only normalised. Thread-safe (ONNX Runtime sessions allow concurrent runs); dispose to release the native session.
/// </remarks>
public sealed partial class OnnxTextEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly string[] PreferredOutputs = ["last_hidden_state", "token_embeddings"];

    private readonly InferenceSession _session;
    private readonly WordPieceEncoder _tokenizer;
    private readonly int _batchSize;
    private readonly string _outputName;
    private readonly bool _outputIsPooled;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private bool _disposed;

    /// <summary>Loads the model in <paramref name="folder"/> (see <see cref="SentenceTransformerFolder"/> for the layout).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">model.onnx or vocab.txt is missing.</exception>
    /// <exception cref="InvalidDataException">A config or the ONNX graph is invalid, or the graph is not BERT-shaped.</exception>
    public static OnnxTextEncoder Open(string folder, OnnxTextEncoderOptions? options = null) =>
        new(SentenceTransformerFolder.Read(folder), options);

    /// <summary>Creates an encoder over an already read model folder.</summary>
    /// <inheritdoc cref="Open" path="/exception"/>
    public OnnxTextEncoder(SentenceTransformerFolder folder, OnnxTextEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        options ??= new OnnxTextEncoderOptions();
        options.Validate();
        if (options.MaxLength is { } max)
        {
            folder = folder with { MaxLength = max };
        }

        _batchSize = options.BatchSize;
        _tokenizer = new WordPieceEncoder(folder);
        _session = CreateSession(folder.ModelFile, options.IntraOpThreads);
        try
        {
            _inputs = DescribeInputs(_session, folder.ModelFile);
            (_outputName, _outputIsPooled, int? width) = ChooseOutput(_session, folder.ModelFile);
            Dimension = width ?? folder.HiddenSize ?? ProbeDimension();
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        ModelId = Path.GetFileName(folder.Folder);
        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(folder.ModelFile), ModelId, Dimension);
    }

    /// <summary>Length of every vector produced.</summary>
    public int Dimension { get; }

    /// <summary>Most tokens read per text ([CLS] and [SEP] included); longer texts are cut.</summary>
    public int MaxLength => _tokenizer.MaxLength;

    /// <summary>The model folder's name, reported as the embeddings' model id.</summary>
    public string ModelId { get; }

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var ids = Tokenize(texts);
        var vectors = Encode(ids, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = ids.Sum(i => (long)i.Length) },
        };
        return Task.FromResult(embeddings);
    }

    /// <summary>The unit-length vectors of <paramref name="texts"/>, in order.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Encode(Tokenize(texts), cancellationToken);
    }

    /// <summary>The WordPiece ids of each text as fed to the model (<c>[CLS] … [SEP]</c>, truncated).</summary>
    public int[][] Tokenize(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new int[texts.Count][];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = _tokenizer.Encode(texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts)));
        }

        return ids;
    }

    /// <summary>The unit-length vectors of already tokenised texts, in order.</summary>
    public float[][] Encode(IReadOnlyList<int[]> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var vectors = new float[ids.Count][];
        // Stable length order: a batch holds texts of similar length, and equal inputs always meet the same batch shape.
        int[] order = [.. Enumerable.Range(0, ids.Count).OrderBy(i => ids[i].Length)];
        using var run = new RunOptions();
        for (int start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_batchSize, order.Length - start));
            RunBatch(run, ids, batch, vectors);
        }

        return vectors;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Releases the native ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }

    private static InferenceSession CreateSession(string modelFile, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            return new InferenceSession(modelFile, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{modelFile}: ONNX Runtime cannot load it ({e.Message}).", e);
        }
    }

    private static (string Name, bool Pooled, int? Width) ChooseOutput(InferenceSession session, string modelFile)
    {
        var names = session.OutputNames;
        string name = PreferredOutputs.FirstOrDefault(names.Contains) ?? (names.Count > 0 ? names[0] : null)
            ?? throw new InvalidDataException($"{modelFile}: the graph has no outputs.");
        var meta = session.OutputMetadata[name];
        if (meta.ElementDataType != TensorElementType.Float || meta.Dimensions.Length is not (2 or 3))
        {
            throw new InvalidDataException($"{modelFile}: output '{name}' must be float32 [batch, sequence, hidden] (or pooled [batch, hidden]); it is {meta.ElementDataType} of rank {meta.Dimensions.Length}.");
        }

        int last = meta.Dimensions[^1];
        return (name, meta.Dimensions.Length == 2, last > 0 ? last : null);
    }

    private int ProbeDimension()
    {
        var vectors = new float[1][];
        using var run = new RunOptions();
        RunBatch(run, [_tokenizer.Encode("")], [0], vectors);
        return vectors[0].Length;
    }
}
