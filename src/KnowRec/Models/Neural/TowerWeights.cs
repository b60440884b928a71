namespace KnowRec.Models.Neural;

/// <summary>A trained <see cref="Tower"/> as plain arrays: computes a vector from an id row and a feature vector.</summary>
/// <remarks>Immutable and thread-safe. The arithmetic is <see cref="RowKernels"/>'s, row by row.</remarks>
internal sealed class TowerWeights
{
    private readonly float[] _ids;
    private readonly float[] _first;
    private readonly float[] _firstBias;
    private readonly float[]? _outputWeight;
    private readonly float[]? _outputBias;

    /// <summary>Takes the arrays in <see cref="Tower.Parameters"/> order and checks their sizes.</summary>
    public TowerWeights(float[][] arrays, int factors, int features, int hidden)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        int first = hidden > 0 ? hidden : factors;
        int expected = 3 + (features > 0 ? 1 : 0) + (hidden > 0 ? 2 : 0);
        if (arrays.Length != expected)
        {
            throw new InvalidDataException($"A tower with {features} features and hidden width {hidden} has {expected} arrays, got {arrays.Length}.");
        }

        Arrays = arrays;
        Factors = factors;
        Features = features;
        Hidden = hidden;
        _ids = arrays[0];
        if (_ids.Length % factors != 0 || _ids.Length == 0)
        {
            throw new InvalidDataException($"Tower id table has {_ids.Length} values, not a positive multiple of {factors}.");
        }

        // W₁ as one [d + F, first] matrix again, so that a vector is one affine map of [e; x].
        _first = features > 0 ? [.. arrays[1], .. arrays[2]] : arrays[1];
        _firstBias = arrays[features > 0 ? 3 : 2];
        if (_first.Length != (factors + features) * first || _firstBias.Length != first)
        {
            throw new InvalidDataException($"Tower first layer has {_first.Length} weights and {_firstBias.Length} biases; expected {(factors + features) * first} and {first}.");
        }

        if (hidden > 0)
        {
            _outputWeight = arrays[^2];
            _outputBias = arrays[^1];
            if (_outputWeight.Length != hidden * factors || _outputBias.Length != factors)
            {
                throw new InvalidDataException($"Tower output layer has {_outputWeight.Length} weights and {_outputBias.Length} biases; expected {hidden * factors} and {factors}.");
            }
        }
    }

    /// <summary>The arrays, in <see cref="Tower.Parameters"/> order (for saving).</summary>
    public float[][] Arrays { get; }

    /// <summary>Output size d.</summary>
    public int Factors { get; }

    /// <summary>Feature vector length.</summary>
    public int Features { get; }

    /// <summary>Hidden width, 0 for none.</summary>
    public int Hidden { get; }

    /// <summary>Rows of the id table, the last being the "no id" row.</summary>
    public int IdRows => _ids.Length / Factors;

    /// <summary>Writes the tower's output for id row <paramref name="idRow"/> and <paramref name="features"/> (empty without features).</summary>
    public void Embed(int idRow, ReadOnlySpan<float> features, Span<float> output)
    {
        int d = Factors, first = Hidden > 0 ? Hidden : d;
        // Feature vectors may be long (text embeddings): only short inputs go on the stack.
        Span<float> input = d + Features <= 2048 ? stackalloc float[d + Features] : new float[d + Features];
        _ids.AsSpan(idRow * d, d).CopyTo(input);
        features.CopyTo(input[d..]);
        if (Hidden == 0)
        {
            RowKernels.Affine(input, _first, _firstBias, output[..d], relu: false);
            return;
        }

        Span<float> hidden = first <= 2048 ? stackalloc float[first] : new float[first];
        RowKernels.Affine(input, _first, _firstBias, hidden, relu: true);
        RowKernels.Affine(hidden, _outputWeight, _outputBias, output[..d], relu: false);
    }

    /// <summary>Vectors for rows [0, count): row r uses id r, or the "no id" row where <paramref name="known"/>(r) is false.</summary>
    public float[] EmbedAll(int count, Func<int, bool> known, Features.FeatureMatrix? features)
    {
        var vectors = new float[count * Factors];
        for (int r = 0; r < count; r++)
        {
            Embed(known(r) ? r : IdRows - 1, features is null ? default : features.Row(r), vectors.AsSpan(r * Factors, Factors));
        }

        return vectors;
    }
}
