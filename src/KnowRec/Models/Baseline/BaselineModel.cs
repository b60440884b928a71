using KnowRec.Data;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Baseline;

/// <summary>Predicts r̂_ui = μ + b_u + b_i (Koren 2010, "Factor in the neighbors", eq. 2), clipped to the rating scale.</summary>
/// <remarks>
/// The biases minimise Koren 2010, eq. 3 (see <see cref="BaselineBiases"/>). Rankings order items by predicted rating,
/// which for one user is the order of b_i: a de-biased popularity. Score and Recommend cost O(1) per item.
/// Immutable and thread-safe.
/// </remarks>
public sealed class BaselineModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "baseline";

    private readonly RatingClip _clip;

    private BaselineModel(IdMap users, IdMap items, InteractionMatrix seen, BaselineOptions options, BaselineBiases biases, RatingClip clip)
        : base(users, items, seen)
    {
        Options = options;
        Biases = biases;
        _clip = clip;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public BaselineOptions Options { get; }

    /// <summary>The fitted μ, b_u and b_i.</summary>
    public BaselineBiases Biases { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Fits the biases to the ratings of <paramref name="train"/>.</summary>
    public static BaselineModel Fit(Dataset train, BaselineOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new BaselineOptions();
        options.Validate();
        var biases = BaselineBiases.Fit(train.Matrix, options, (context ?? TrainingContext.Default).Cancellation);
        return new BaselineModel(train.Users, train.Items, train.Matrix, options, biases, RatingClip.Of(train));
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static BaselineModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static BaselineModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<BaselineOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        var clip = RatingClip.Load(reader);
        var biases = BaselineBiases.Load(reader, users.Count, items.Count);
        return new BaselineModel(users, items, seen, options, biases, clip);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) => _clip.Apply(Biases.Predict(user, item));

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        for (int item = 0; item < scores.Length; item++)
        {
            scores[item] = _clip.Apply(Biases.Predict(user, item));
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _clip.Save(writer);
        Biases.Save(writer);
    }
}
