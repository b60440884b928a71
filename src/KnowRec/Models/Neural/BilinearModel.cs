using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.Neural;

/// <summary>
/// Bilinear scoring over learned user and item vectors: f(u, i) = σ(uᵀ W i + b_i), with u, i ∈ ℝᵈ embeddings, W a learned
/// d × d matrix and b_i a per-item bias (the bilinear form of Rendle's pairwise interaction models, and of the
/// "bilinear" deep model in KnowRec's seed design).
/// </summary>
/// <remarks>
/// Trained with Adam on mini-batches, either pairwise by BPR (Rendle et al. 2009, eq. 6) over (u, i, j) with j an unseen
/// item, or pointwise by binary cross-entropy over positives and sampled unseen items (<see cref="BilinearOptions.Loss"/>;
/// BPR is the default because it ranked better on validation, see docs/results.md). W starts as the identity, so
/// training starts from plain matrix factorisation uᵀi and W learns how the two spaces relate. <see cref="ScoringRecommender.Score"/>
/// returns the logit uᵀWi + b_i (σ is monotone, so the ranking is the same; σ of the logit is f). Scoring
/// precomputes Wᵀu per user, so a pair costs one dot product. A user without training interactions gets u = 0, hence
/// the item-bias order. Repeatable for a seed with any thread count. Immutable and thread-safe.
/// </remarks>
public sealed partial class BilinearModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "bilinear";

    private readonly float[] _users;
    private readonly float[] _items;
    private readonly float[] _weight;
    private readonly float[] _biases;

    // uᵀW per user, [users, d].
    private readonly float[] _projected;

    private BilinearModel(IdMap users, IdMap items, InteractionMatrix seen, BilinearOptions options, float[] userVectors, float[] itemVectors, float[] weight, float[] biases)
        : base(users, items, seen)
    {
        int d = options.Factors;
        if (userVectors.Length != users.Count * d || itemVectors.Length != items.Count * d || weight.Length != d * d || biases.Length != items.Count)
        {
            throw new InvalidDataException($"Bilinear model arrays have lengths {userVectors.Length}, {itemVectors.Length}, {weight.Length}, {biases.Length}; expected {users.Count * d}, {items.Count * d}, {d * d}, {items.Count}.");
        }

        Options = options;
        _users = userVectors;
        _items = itemVectors;
        _weight = weight;
        _biases = biases;
        _projected = RowKernels.Project(userVectors, users.Count, d, weight, new float[d], d);
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public BilinearOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>The learned d × d matrix W, row-major.</summary>
    public ReadOnlySpan<float> Weight => _weight;

    /// <summary>Item biases b_i.</summary>
    public ReadOnlySpan<float> ItemBiases => _biases;

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static BilinearModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static BilinearModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<BilinearOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        return new BilinearModel(users, items, seen, options, reader.ReadSingleArray(), reader.ReadSingleArray(), reader.ReadSingleArray(), reader.ReadSingleArray());
    }

    /// <summary>The vector u of a user (length <see cref="BilinearOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserVector(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _users.AsSpan(user * Options.Factors, Options.Factors);
    }

    /// <summary>The vector i of an item (length <see cref="BilinearOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> ItemVector(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _items.AsSpan(item * Options.Factors, Options.Factors);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item)
    {
        int d = Options.Factors;
        return RowKernels.Dot(_projected.AsSpan(user * d, d), _items.AsSpan(item * d, d)) + _biases[item];
    }

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        int d = Options.Factors;
        var u = _projected.AsSpan(user * d, d);
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = RowKernels.Dot(u, _items.AsSpan(i * d, d)) + _biases[i];
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_users);
        writer.Write(_items);
        writer.Write(_weight);
        writer.Write(_biases);
    }
}
