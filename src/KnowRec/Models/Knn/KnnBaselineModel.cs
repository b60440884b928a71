using KnowRec.Data;
using KnowRec.Models.Baseline;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Knn;

/// <summary>
/// Neighbourhood rating predictor on top of baselines (Koren 2010, "Factor in the neighbors", eq. 3 style; Surprise's
/// KNNBaseline): r̂_ui = b_ui + Σ_{j ∈ N^k_i(u)} s_ij (r_uj − b_uj) / Σ_{j ∈ N^k_i(u)} s_ij, clipped to the rating scale.
/// </summary>
/// <remarks>
/// <para>b_ui = μ + b_u + b_i (Koren 2010, eq. 2 of §2.1; fitted as in <see cref="BaselineBiases"/>); s_ij is the shrunk
/// Pearson-baseline correlation of the baseline residuals (Koren 2010, eq. 2 of §2.2). N^k_i(u) is the k items rated by u
/// most similar to i, among those with s_ij &gt; 0 (as Surprise, which drops non-positive neighbours, so Σ s = Σ |s|).
/// With fewer than <see cref="KnnBaselineOptions.MinNeighbours"/> of them the prediction is b_ui. User-based swaps the
/// roles: neighbours are the k users most similar to u who rated i.</para>
/// <para>Because N^k_i(u) depends on u's ratings, the model keeps every positive similarity (rows sorted by neighbour
/// index) and selects per prediction: Score is one merge of two sorted rows, O(|row i| + |R(u)|); a user's full ranking
/// scatters each rated item's row once. Immutable and thread-safe.</para>
/// </remarks>
public sealed partial class KnnBaselineModel : ScoringRecommender, IExplainableRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "knn-baseline";

    private readonly RatingClip _clip;
    private readonly SimilarityRows _similarities;
    private readonly InteractionMatrix _residualsByUser;
    private readonly InteractionMatrix _residualsByItem;

    private KnnBaselineModel(
        IdMap users,
        IdMap items,
        InteractionMatrix seen,
        KnnBaselineOptions options,
        BaselineBiases biases,
        RatingClip clip,
        SimilarityRows similarities,
        InteractionMatrix residualsByUser,
        InteractionMatrix residualsByItem)
        : base(users, items, seen)
    {
        Options = options;
        Biases = biases;
        _clip = clip;
        _similarities = similarities;
        _residualsByUser = residualsByUser;
        _residualsByItem = residualsByItem;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public KnnBaselineOptions Options { get; }

    /// <summary>The fitted baselines b_ui.</summary>
    public BaselineBiases Biases { get; }

    /// <summary>Number of stored (positive) similarities.</summary>
    public int SimilarityCount => _similarities.NonZeros;

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Fits the baselines, then the shrunk Pearson-baseline similarities of their residuals.</summary>
    public static KnnBaselineModel Fit(Dataset train, KnnBaselineOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new KnnBaselineOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var seen = train.Matrix;
        var biases = BaselineBiases.Fit(seen, options.ToBaselineOptions(), context.Cancellation);
        var byUser = Residuals(seen, biases);
        var byItem = byUser.Transpose();
        var similarities = options.UserBased
            ? PearsonBaselineSimilarity.Compute(byUser, byItem, options.Shrinkage, context.Threads, context.Cancellation)
            : PearsonBaselineSimilarity.Compute(byItem, byUser, options.Shrinkage, context.Threads, context.Cancellation);
        return new KnnBaselineModel(train.Users, train.Items, seen, options, biases, RatingClip.Of(train), similarities, byUser, byItem);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static KnnBaselineModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static KnnBaselineModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<KnnBaselineOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        var clip = RatingClip.Load(reader);
        var biases = BaselineBiases.Load(reader, users.Count, items.Count);
        var similarities = SimilarityRows.Load(reader, options.UserBased ? users.Count : items.Count);
        var byUser = Residuals(seen, biases);
        return new KnnBaselineModel(users, items, seen, options, biases, clip, similarities, byUser, byUser.Transpose());
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _clip.Save(writer);
        Biases.Save(writer);
        _similarities.Save(writer);
    }

    // e_ui = r_ui − b_ui on the pattern of the ratings; the residuals are derived, not stored, so a loaded model rebuilds
    // exactly the same values from the same biases.
    private static InteractionMatrix Residuals(InteractionMatrix ratings, BaselineBiases biases)
    {
        var values = new float[ratings.NonZeros];
        var starts = ratings.RowStarts;
        var columns = ratings.Columns;
        var raw = ratings.Values;
        for (int u = 0; u < ratings.Users; u++)
        {
            for (int k = starts[u]; k < starts[u + 1]; k++)
            {
                values[k] = raw[k] - biases.Predict(u, columns[k]);
            }
        }

        return InteractionMatrix.FromCsr(ratings.Users, ratings.Items, starts.ToArray(), columns.ToArray(), values);
    }
}
