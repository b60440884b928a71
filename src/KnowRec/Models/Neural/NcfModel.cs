using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.Neural;

/// <summary>
/// Neural collaborative filtering, NeuMF (He, Liao, Zhang, Nie, Hu, Chua 2017, "Neural Collaborative Filtering", WWW):
/// a GMF branch φ_GMF = p_u^G ⊙ q_i^G (eq. 9) and an MLP branch over [p_u^M; q_i^M] with ReLU layers (eq. 10), each with
/// its own embeddings, fused by one output layer ŷ_ui = σ(hᵀ[φ_GMF; φ_MLP]) (eq. 11–12).
/// </summary>
/// <remarks>
/// Trained pointwise by binary cross-entropy with logits on every observed pair and <see cref="NcfOptions.Negatives"/>
/// unseen items sampled afresh per epoch (Section 4.1), with Adam, from scratch (no GMF/MLP pre-training). Unlike the
/// paper, each negative is by default the best-scoring of <see cref="NcfOptions.NegativeCandidates"/> unseen draws
/// (dynamic negative sampling, Zhang et al. 2013), which ranked clearly better on validation; 1 restores uniform
/// sampling. Written
/// without a concatenation op: W·[p; q] = W_u·p + W_i·q and hᵀ[φ_GMF; φ_MLP] = h_Gᵀφ_GMF + h_Mᵀφ_MLP exactly (see
/// <see cref="NcfNetwork"/>). <see cref="ScoringRecommender.Score"/> returns the logit, whose sigmoid is ŷ_ui; ranking is
/// the same. Scoring precomputes W_u·p_u + b and W_i·q_i, so a (user, item) pair costs the tower's upper layers only.
/// A user without training interactions gets zero embeddings, hence the items' learned prior order. Training is
/// repeatable for a seed with any thread count (ops split work into fixed pieces). Immutable and thread-safe.
/// </remarks>
public sealed partial class NcfModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "ncf";

    private readonly int[] _tower;
    private readonly float[] _gmfUsers;
    private readonly float[] _gmfItems;
    private readonly float[] _mlpUsers;
    private readonly float[] _mlpItems;
    private readonly float[] _firstUser;
    private readonly float[] _firstItem;
    private readonly float[] _firstBias;
    private readonly float[][] _hiddenWeights;
    private readonly float[][] _hiddenBiases;
    private readonly float[] _outputGmf;
    private readonly float[] _outputMlp;
    private readonly float _outputBias;

    // W_u·p_u^M + b per user and W_i·q_i^M per item: the first layer's two halves, computed once.
    private readonly float[] _userFirst;
    private readonly float[] _itemFirst;

    private NcfModel(IdMap users, IdMap items, InteractionMatrix seen, NcfOptions options, float[][] arrays)
        : base(users, items, seen)
    {
        Options = options;
        _tower = options.TowerWidths();
        int layers = _tower.Length - 2;
        if (arrays.Length != 10 + (2 * layers))
        {
            throw new InvalidDataException($"NCF model has {arrays.Length} arrays; its tower needs {10 + (2 * layers)}.");
        }

        int half = _tower[0] / 2, f = options.Factors;
        (_gmfUsers, _gmfItems, _mlpUsers, _mlpItems) = (arrays[0], arrays[1], arrays[2], arrays[3]);
        (_firstUser, _firstItem, _firstBias) = (arrays[4], arrays[5], arrays[6]);
        _hiddenWeights = [.. Enumerable.Range(0, layers).Select(l => arrays[7 + (2 * l)])];
        _hiddenBiases = [.. Enumerable.Range(0, layers).Select(l => arrays[8 + (2 * l)])];
        (_outputGmf, _outputMlp) = (arrays[^3], arrays[^2]);
        Check(_gmfUsers, users.Count * f, "GMF users");
        Check(_gmfItems, items.Count * f, "GMF items");
        Check(_mlpUsers, users.Count * half, "MLP users");
        Check(_mlpItems, items.Count * half, "MLP items");
        Check(_firstUser, half * _tower[1], "first layer (users)");
        Check(_firstItem, half * _tower[1], "first layer (items)");
        Check(_firstBias, _tower[1], "first bias");
        for (int l = 0; l < layers; l++)
        {
            Check(_hiddenWeights[l], _tower[l + 1] * _tower[l + 2], "hidden weight");
            Check(_hiddenBiases[l], _tower[l + 2], "hidden bias");
        }

        Check(_outputGmf, f, "GMF output");
        Check(_outputMlp, _tower[^1], "MLP output");
        Check(arrays[^1], 1, "output bias");
        _outputBias = arrays[^1][0];
        _userFirst = RowKernels.Project(_mlpUsers, users.Count, half, _firstUser, _firstBias, _tower[1]);
        _itemFirst = RowKernels.Project(_mlpItems, items.Count, half, _firstItem, new float[_tower[1]], _tower[1]);
        Arrays = arrays;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public NcfOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    // Every parameter in save order.
    private float[][] Arrays { get; }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static NcfModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static NcfModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<NcfOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int count = reader.ReadInt32();
        if (count is < 10 or > 10_000)
        {
            throw new InvalidDataException($"NCF model file declares {count} arrays.");
        }

        var arrays = new float[count][];
        for (int a = 0; a < count; a++)
        {
            arrays[a] = reader.ReadSingleArray();
        }

        return new NcfModel(users, items, seen, options, arrays);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item)
    {
        Span<float> weighted = stackalloc float[Options.Factors];
        Weighted(user, weighted);
        return ScoreItem(user, item, weighted, new float[2 * _tower.Max()]);
    }

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        Span<float> weighted = stackalloc float[Options.Factors];
        Weighted(user, weighted);
        var scratch = new float[2 * _tower.Max()];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = ScoreItem(user, i, weighted, scratch);
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Arrays.Length);
        foreach (var array in Arrays)
        {
            writer.Write(array);
        }
    }

    // h_G ⊙ p_u^G, so the GMF term is one dot product with q_i^G.
    private void Weighted(int user, Span<float> weighted)
    {
        int f = Options.Factors;
        System.Numerics.Tensors.TensorPrimitives.Multiply(_gmfUsers.AsSpan(user * f, f), _outputGmf, weighted);
    }

    private float ScoreItem(int user, int item, ReadOnlySpan<float> weighted, float[] scratch)
    {
        int width = _tower[1], half = scratch.Length / 2, f = Options.Factors;
        var a = scratch.AsSpan(0, half);
        var b = scratch.AsSpan(half, half);
        RowKernels.AddRelu(_userFirst.AsSpan(user * width, width), _itemFirst.AsSpan(item * width, width), a[..width]);
        for (int l = 0; l < _hiddenWeights.Length; l++)
        {
            int inputs = _tower[l + 1], outputs = _tower[l + 2];
            RowKernels.Affine(a[..inputs], _hiddenWeights[l], _hiddenBiases[l], b[..outputs], relu: true);
            var swap = a;
            a = b;
            b = swap;
        }

        float mlp = RowKernels.Dot(a[.._tower[^1]], _outputMlp);
        float gmf = RowKernels.Dot(weighted, _gmfItems.AsSpan(item * f, f));
        return mlp + gmf + _outputBias;
    }

    private static void Check(float[] array, int expected, string what)
    {
        if (array.Length != expected)
        {
            throw new InvalidDataException($"NCF {what} has {array.Length} values; the options need {expected}.");
        }
    }
}
