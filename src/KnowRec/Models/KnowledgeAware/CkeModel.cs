using KnowRec.Data;
using KnowRec.Models.Als;
using KnowRec.Storage;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>
/// Collaborative knowledge base embedding, structural part (Zhang, Yuan, Lian, Xie, Ma 2016, "Collaborative Knowledge
/// Base Embedding for Recommender Systems", KDD): an item's latent vector is v_j = η_j + e_j, an offset η_j plus the
/// TransR embedding e_j of the item's entity (the generative process of §5.1, step 3, without its textual and visual
/// terms; the paper writes the structural embedding v_j and the item vector e_j), trained jointly with BPR on user–item
/// pairs and Bayesian TransR on the graph, the joint log-likelihood of §5.2. The score is u_iᵀ v_j.
/// </summary>
/// <remarks>
/// Each Adam step takes a batch of (user, item, unseen item) triples — the BPR term ln σ(u_iᵀv_j − u_iᵀv_j′) — and a batch
/// of graph triples with one corruption each — the TransR term ln σ(f_r(h, t′) − f_r(h, t)) with f_r(h, t) =
/// ‖h M_r + r − t M_r‖² (Lin et al. 2015) — plus L2 on the rows used (the Gaussian priors). The offsets η start at 0,
/// so an item with no training rows is scored through e_j, its graph neighbourhood, rather than through noise;
/// unlinked items have η_j alone. The fit reads the graph from <see cref="Dataset.Knowledge"/> and is bit-identical for
/// a seed at any thread count (sampling on one thread, ops in fixed blocks). After fitting only the final user and item
/// vectors are kept, so a saved model loads without its graph. Immutable and thread-safe.
/// </remarks>
public sealed partial class CkeModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "cke";

    private readonly float[] _userVectors;
    private readonly float[] _itemVectors;
    private readonly int _stride;

    // Factor-major copy of the item vectors for full-catalogue scoring (see FactorKernels.ScoreByFactor).
    private readonly float[] _itemsByFactor;

    private CkeModel(IdMap users, IdMap items, InteractionMatrix seen, CkeOptions options, float[] userVectors, float[] itemVectors)
        : base(users, items, seen)
    {
        Options = options;
        _stride = FactorKernels.Stride(options.Factors);
        _userVectors = userVectors;
        _itemVectors = itemVectors;
        _itemsByFactor = FactorKernels.Transpose(itemVectors, items.Count, _stride, options.Factors);
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public CkeOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static CkeModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static CkeModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<CkeOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int stride = FactorKernels.Stride(options.Factors);
        float[] userVectors = reader.ReadSingleArray();
        float[] itemVectors = reader.ReadSingleArray();
        if (userVectors.Length != users.Count * stride || itemVectors.Length != items.Count * stride)
        {
            throw new InvalidDataException($"CKE model file arrays have lengths {userVectors.Length}, {itemVectors.Length}; expected {users.Count * stride}, {items.Count * stride}.");
        }

        return new CkeModel(users, items, seen, options, userVectors, itemVectors);
    }

    /// <summary>The vector u_i of a user (length <see cref="CkeOptions.Factors"/>; zero for a user without training rows).</summary>
    public ReadOnlySpan<float> UserVector(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _userVectors.AsSpan(user * _stride, Options.Factors);
    }

    /// <summary>The latent vector v_j = η_j + e_j of an item (η_j alone when the item has no entity).</summary>
    public ReadOnlySpan<float> ItemVector(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _itemVectors.AsSpan(item * _stride, Options.Factors);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) =>
        FactorKernels.ScoreOne(_userVectors.AsSpan(user * _stride, _stride), _itemVectors.AsSpan(item * _stride, _stride), Options.Factors);

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores) =>
        FactorKernels.ScoreByFactor(_itemsByFactor, _userVectors.AsSpan(user * _stride, _stride), Options.Factors, scores);

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_userVectors);
        writer.Write(_itemVectors);
    }
}
