namespace KnowRec.Numerics.Autodiff;

/// <summary>
/// The trainable projections of one multi-head attention layer (Vaswani et al. 2017, Section 3.2.2): W^Q, W^K, W^V
/// of shape [d, d] with biases, whose column blocks of width d / h are the heads' projections, and an optional output
/// projection W^O.
/// </summary>
/// <remarks>Single-head SASRec (Kang &amp; McAuley 2018, eq. 2) uses the three input projections and no W^O.</remarks>
public sealed class AttentionWeights
{
    /// <summary>Wraps existing tensors, e.g. read from a model file.</summary>
    /// <param name="heads">Number of heads h; must divide the width d.</param>
    /// <param name="query">W^Q, [d, d].</param>
    /// <param name="queryBias">Bias of the query projection, length d.</param>
    /// <param name="key">W^K, [d, d].</param>
    /// <param name="keyBias">Bias of the key projection, length d.</param>
    /// <param name="value">W^V, [d, d].</param>
    /// <param name="valueBias">Bias of the value projection, length d.</param>
    /// <param name="output">W^O, [d, d], or null for none.</param>
    /// <param name="outputBias">Bias of the output projection, length d; null exactly when <paramref name="output"/> is.</param>
    public AttentionWeights(int heads, Tensor query, Tensor queryBias, Tensor key, Tensor keyBias, Tensor value, Tensor valueBias, Tensor? output = null, Tensor? outputBias = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(queryBias);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keyBias);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(valueBias);
        if ((output is null) != (outputBias is null))
        {
            throw new ArgumentException("The output projection and its bias must be given together.", nameof(outputBias));
        }

        int width = query.Columns;
        CheckProjection(query, queryBias, width, nameof(query));
        CheckProjection(key, keyBias, width, nameof(key));
        CheckProjection(value, valueBias, width, nameof(value));
        if (output is not null)
        {
            CheckProjection(output, outputBias!, width, nameof(output));
        }

        if (heads < 1 || width % heads != 0)
        {
            throw new ArgumentException($"{heads} heads do not divide the width {width}.", nameof(heads));
        }

        Heads = heads;
        Query = query;
        QueryBias = queryBias;
        Key = key;
        KeyBias = keyBias;
        Value = value;
        ValueBias = valueBias;
        Output = output;
        OutputBias = outputBias;
    }

    /// <summary>Number of heads h.</summary>
    public int Heads { get; }

    /// <summary>Model width d.</summary>
    public int Width => Query.Columns;

    /// <summary>W^Q.</summary>
    public Tensor Query { get; }

    /// <summary>Bias of the query projection.</summary>
    public Tensor QueryBias { get; }

    /// <summary>W^K.</summary>
    public Tensor Key { get; }

    /// <summary>Bias of the key projection.</summary>
    public Tensor KeyBias { get; }

    /// <summary>W^V.</summary>
    public Tensor Value { get; }

    /// <summary>Bias of the value projection.</summary>
    public Tensor ValueBias { get; }

    /// <summary>W^O, or null when the heads' concatenation is the output.</summary>
    public Tensor? Output { get; }

    /// <summary>Bias of the output projection, or null.</summary>
    public Tensor? OutputBias { get; }

    /// <summary>Every tensor, in constructor order (for an optimiser or a model file).</summary>
    public IReadOnlyList<Tensor> Parameters =>
        Output is null ? [Query, QueryBias, Key, KeyBias, Value, ValueBias] : [Query, QueryBias, Key, KeyBias, Value, ValueBias, Output, OutputBias!];

    /// <summary>New trainable weights: Glorot-uniform projections and zero biases (PyTorch's MultiheadAttention does the same).</summary>
    /// <param name="width">Model width d.</param>
    /// <param name="heads">Number of heads h; must divide d.</param>
    /// <param name="outputProjection">Whether to include W^O.</param>
    /// <param name="random">Seeded source of randomness.</param>
    public static AttentionWeights Create(int width, int heads, bool outputProjection, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentNullException.ThrowIfNull(random);
        return new AttentionWeights(
            heads,
            Init.XavierUniform([width, width], random),
            Init.Zeros([width]),
            Init.XavierUniform([width, width], random),
            Init.Zeros([width]),
            Init.XavierUniform([width, width], random),
            Init.Zeros([width]),
            outputProjection ? Init.XavierUniform([width, width], random) : null,
            outputProjection ? Init.Zeros([width]) : null);
    }

    private static void CheckProjection(Tensor weight, Tensor bias, int width, string name)
    {
        if (weight.Rank != 2 || weight.Rows != width || weight.Columns != width || bias.Length != width)
        {
            throw new ArgumentException($"Projection {weight.ShapeText} with bias {bias.ShapeText}: every projection must be [{width}, {width}] with a bias of {width}.", name);
        }
    }
}
