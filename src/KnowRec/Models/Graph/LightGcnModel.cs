using KnowRec.Data;
using KnowRec.Models.Als;
using KnowRec.Storage;

namespace KnowRec.Models.Graph;

/// <summary>
/// LightGCN (He, Deng, Wang, Li, Zhang, Wang 2020, "LightGCN: Simplifying and Powering Graph Convolution Network for
/// Recommendation"): ID embeddings E⁽⁰⁾ smoothed over the user–item graph by E⁽ᵏ⁺¹⁾ = D^−½ A D^−½ E⁽ᵏ⁾ (eq. 3, matrix
/// form eq. 7), combined as E = Σ_{k=0..K} α_k E⁽ᵏ⁾ with α_k = 1/(K + 1) (eq. 4), scored by ŷ_ui = e_uᵀ e_i (eq. 5) and
/// trained with the BPR loss plus L2 on the layer-0 embeddings of each batch (eq. 15), by Adam.
/// </summary>
/// <remarks>
/// Each gradient step propagates the whole graph forward and back (K sparse products each way), as the paper's code
/// does, so the step costs O(K·|edges|·d) whatever the batch size; larger batches make epochs cheaper. Every triple
/// pairs a training pair (u, i) — each pair once per epoch in a seeded random order, or a uniform user and one of their
/// items (<see cref="LightGcnOptions.Sampling"/>) — with an item u has not seen: the best-scoring of
/// <see cref="LightGcnOptions.NegativeCandidates"/> uniform draws under the step's own embeddings (dynamic negative
/// sampling, Zhang et al. 2013; one draw is the paper's uniform sampling). The fit is exactly repeatable for a seed with
/// any number of threads: the sparse products compute every output row in a fixed order and everything else runs on
/// one thread. After fitting, the final embeddings E are kept as plain arrays; immutable and thread-safe.
/// </remarks>
public sealed partial class LightGcnModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "lightgcn";

    private readonly float[] _userEmbeddings;
    private readonly float[] _itemEmbeddings;
    private readonly int _stride;

    // Factor-major copy of the item embeddings for full-catalogue scoring (see FactorKernels.ScoreByFactor).
    private readonly float[] _itemsByFactor;

    private LightGcnModel(IdMap users, IdMap items, InteractionMatrix seen, LightGcnOptions options, float[] userEmbeddings, float[] itemEmbeddings)
        : base(users, items, seen)
    {
        Options = options;
        _stride = FactorKernels.Stride(options.Factors);
        _userEmbeddings = userEmbeddings;
        _itemEmbeddings = itemEmbeddings;
        _itemsByFactor = FactorKernels.Transpose(itemEmbeddings, items.Count, _stride, options.Factors);
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public LightGcnOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static LightGcnModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static LightGcnModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<LightGcnOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int stride = FactorKernels.Stride(options.Factors);
        float[] userEmbeddings = reader.ReadSingleArray();
        float[] itemEmbeddings = reader.ReadSingleArray();
        if (userEmbeddings.Length != users.Count * stride || itemEmbeddings.Length != items.Count * stride)
        {
            throw new InvalidDataException($"LightGCN model file arrays have lengths {userEmbeddings.Length}, {itemEmbeddings.Length}; expected {users.Count * stride}, {items.Count * stride}.");
        }

        return new LightGcnModel(users, items, seen, options, userEmbeddings, itemEmbeddings);
    }

    /// <summary>The final embedding e_u of a user (eq. 4; length <see cref="LightGcnOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserEmbedding(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _userEmbeddings.AsSpan(user * _stride, Options.Factors);
    }

    /// <summary>The final embedding e_i of an item (eq. 4; length <see cref="LightGcnOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> ItemEmbedding(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _itemEmbeddings.AsSpan(item * _stride, Options.Factors);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) =>
        FactorKernels.ScoreOne(_userEmbeddings.AsSpan(user * _stride, _stride), _itemEmbeddings.AsSpan(item * _stride, _stride), Options.Factors);

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores) =>
        FactorKernels.ScoreByFactor(_itemsByFactor, _userEmbeddings.AsSpan(user * _stride, _stride), Options.Factors, scores);

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_userEmbeddings);
        writer.Write(_itemEmbeddings);
    }
}
