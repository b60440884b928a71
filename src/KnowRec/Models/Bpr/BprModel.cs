using KnowRec.Data;
using KnowRec.Models.Als;
using KnowRec.Storage;

namespace KnowRec.Models.Bpr;

/// <summary>
/// Bayesian personalised ranking matrix factorisation (Rendle, Freudenthaler, Gantner, Schmidt-Thieme 2009, "BPR:
/// Bayesian Personalized Ranking from Implicit Feedback"): maximises Σ_{(u,i,j)} ln σ(x̂_uij) − λ‖Θ‖² (BPR-Opt, eq. 6)
/// with x̂_uij = x̂_ui − x̂_uj and x̂_ui = x_uᵀy_i + b_i, by stochastic gradient ascent over sampled triples (LearnBPR,
/// Fig. 4). The score is x_uᵀy_i + b_i.
/// </summary>
/// <remarks>
/// Each epoch draws as many triples as there are training pairs: a pair (u, i) uniformly, then a negative item j the
/// user has not seen, uniformly, or the best-scoring of <see cref="BprOptions.NegativeCandidates"/> such draws (dynamic
/// negative sampling, Zhang, Chen, Wang, Yu 2013). The step decays linearly from <see cref="BprOptions.LearningRate"/>
/// to 0, which needs no tuning of a schedule and lets the last epochs settle.
/// With one thread a fit is exactly repeatable for a seed. With more threads each thread samples from its own seeded
/// stream and updates the shared factors without locks (Hogwild, Recht et al. 2011), so results vary slightly from run
/// to run. Immutable and thread-safe after fitting.
/// </remarks>
public sealed partial class BprModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "bpr";

    private readonly float[] _userFactors;
    private readonly float[] _itemFactors;
    private readonly float[] _itemBiases;
    private readonly int _stride;

    // Factor-major copy of the item factors for full-catalogue scoring (see FactorKernels.ScoreByFactor).
    private readonly float[] _itemFactorsByFactor;

    private BprModel(IdMap users, IdMap items, InteractionMatrix seen, BprOptions options, float[] userFactors, float[] itemFactors, float[] itemBiases)
        : base(users, items, seen)
    {
        Options = options;
        _stride = FactorKernels.Stride(options.Factors);
        _userFactors = userFactors;
        _itemFactors = itemFactors;
        _itemFactorsByFactor = FactorKernels.Transpose(itemFactors, items.Count, _stride, options.Factors);
        _itemBiases = itemBiases;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public BprOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Item biases b_i.</summary>
    public ReadOnlySpan<float> ItemBiases => _itemBiases;

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static BprModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static BprModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<BprOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int stride = FactorKernels.Stride(options.Factors);
        float[] userFactors = reader.ReadSingleArray();
        float[] itemFactors = reader.ReadSingleArray();
        float[] itemBiases = reader.ReadSingleArray();
        if (userFactors.Length != users.Count * stride || itemFactors.Length != items.Count * stride || itemBiases.Length != items.Count)
        {
            throw new InvalidDataException($"BPR model file arrays have lengths {userFactors.Length}, {itemFactors.Length}, {itemBiases.Length}; expected {users.Count * stride}, {items.Count * stride}, {items.Count}.");
        }

        return new BprModel(users, items, seen, options, userFactors, itemFactors, itemBiases);
    }

    /// <summary>The factor vector x_u of a user (length <see cref="BprOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserFactors(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _userFactors.AsSpan(user * _stride, Options.Factors);
    }

    /// <summary>The factor vector y_i of an item (length <see cref="BprOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> ItemFactors(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _itemFactors.AsSpan(item * _stride, Options.Factors);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) =>
        FactorKernels.ScoreOne(_userFactors.AsSpan(user * _stride, _stride), _itemFactors.AsSpan(item * _stride, _stride), Options.Factors) + _itemBiases[item];

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        FactorKernels.ScoreByFactor(_itemFactorsByFactor, _userFactors.AsSpan(user * _stride, _stride), Options.Factors, scores);
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] += _itemBiases[i];
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_userFactors);
        writer.Write(_itemFactors);
        writer.Write(_itemBiases);
    }
}
