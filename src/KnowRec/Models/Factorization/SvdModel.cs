using KnowRec.Data;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Factorization;

/// <summary>
/// Biased matrix factorisation fitted by SGD ("SVD", Funk 2006): r̂_ui = μ + b_u + b_i + q_iᵀp_u, minimising the squared
/// error on the training ratings plus L2 penalties (Koren, Bell, Volinsky 2009, "Matrix Factorization Techniques for
/// Recommender Systems", eq. 5). Predictions are clipped to the data's rating scale; rankings sort by predicted rating.
/// </summary>
/// <remarks>
/// <para>
/// Per rating, with e = r − r̂ (Koren et al. 2009, the updates after eq. 5; Surprise's <c>SVD</c>):
/// b_u += γ_b(e − λ_b b_u); b_i += γ_b(e − λ_b b_i); p_u += γ(e q_i − λ p_u); q_i += γ(e p_u − λ q_i), the last two
/// from the old p_u and q_i. Each step is the negative gradient, times γ/2, of e² + λ(‖p_u‖² + ‖q_i‖²) + λ_b(b_u² + b_i²).
/// </para>
/// <para>
/// The ratings are shuffled once (seeded) and cut into blocks of 64; every epoch visits the blocks in a fresh seeded order.
/// One thread, so the same seed gives the same model to the bit. Each epoch reports the mean of e² over the epoch's
/// ratings, each e taken before its step, to <see cref="TrainingContext.Progress"/>. Cost O(epochs · ratings · factors).
/// Users and items without training ratings keep zero factors (bias-only predictions). The fitted model is immutable
/// and thread-safe.
/// </para>
/// </remarks>
public sealed partial class SvdModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "svd";

    private readonly BiasedFactors _factors;

    private SvdModel(IdMap users, IdMap items, InteractionMatrix seen, SvdOptions options, BiasedFactors factors)
        : base(users, items, seen)
    {
        if (factors.UserBias.Length != users.Count || factors.ItemBias.Length != items.Count || factors.Factors != options.Factors)
        {
            throw new InvalidDataException($"SVD state does not match {users.Count} users, {items.Count} items and {options.Factors} factors.");
        }

        Options = options;
        _factors = factors;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public SvdOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>μ, the mean training rating.</summary>
    public float GlobalMean => _factors.GlobalMean;

    /// <summary>b_u per user index.</summary>
    public ReadOnlySpan<float> UserBias => _factors.UserBias;

    /// <summary>b_i per item index.</summary>
    public ReadOnlySpan<float> ItemBias => _factors.ItemBias;

    /// <summary>p_u, users × <see cref="SvdOptions.Factors"/>, row-major.</summary>
    public ReadOnlySpan<float> UserFactors => _factors.UserFactors;

    /// <summary>q_i, items × <see cref="SvdOptions.Factors"/>, row-major.</summary>
    public ReadOnlySpan<float> ItemFactors => _factors.ItemFactors;

    /// <summary>Fits the model to the values of <paramref name="train"/>, read as ratings.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ModelFitException">The training loss became NaN or infinite (lower the learning rates).</exception>
    /// <exception cref="OperationCanceledException">The context's cancellation was requested.</exception>
    public static SvdModel Fit(Dataset train, SvdOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new SvdOptions();
        options.Validate();
        var factors = Train(train, options, context ?? TrainingContext.Default);
        return new SvdModel(train.Users, train.Items, train.Matrix, options, factors);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static SvdModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static SvdModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<SvdOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        return new SvdModel(users, items, seen, options, BiasedFactors.Read(reader, users.Count, items.Count));
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) => _factors.Predict(user, item);

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores) => _factors.PredictAll(user, scores);

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _factors.Write(writer);
    }
}
