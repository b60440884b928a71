using KnowRec.Data;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Factorization;

/// <summary>
/// SVD++: biased matrix factorisation whose user vector adds the implicit signal of which items the user rated,
/// r̂_ui = μ + b_u + b_i + q_iᵀ(p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j), fitted by SGD (Koren 2008, "Factorization Meets the
/// Neighborhood", eq. 15). N(u) is the set of items u rated in training. Predictions are clipped to the rating scale.
/// </summary>
/// <remarks>
/// <para>
/// Update order (one epoch): users in a fresh seeded order; for user u, z = |N(u)|^−½ Σ_j y_j is computed once, then u's
/// ratings are visited in a fresh seeded order and for each, with e = r − r̂ computed with that z:
/// b_u += γ_b(e − λ_b b_u); b_i += γ_b(e − λ_b b_i); p_u += γ(e q_i − λ p_u); q_i += γ(e(p_u + z) − λ q_i), the right-hand
/// sides from the old p_u, q_i; and g += e q_i (old q_i). After u's last rating every y_j, j ∈ N(u), is updated once:
/// y_j ← (1 − γ_y λ_y)^|R(u)| y_j + γ_y |N(u)|^−½ g.
/// </para>
/// <para>
/// Surprise's <c>SVDpp</c> instead recomputes z and updates every y_j after each rating, O(|N(u)|·k) per rating. Here the
/// y_j steps of one user are deferred to the end of the user's pass and summed; the weight decay is compounded exactly as
/// |R(u)| per-rating steps would compound it. With one rating per user the two orders agree exactly, and each step is
/// −γ/2 times the gradient of e² + λ(‖p_u‖² + ‖q_i‖²) + λ_y Σ_j ‖y_j‖² + λ_b(b_u² + b_i²). Cost O(epochs · ratings · k).
/// </para>
/// <para>
/// One thread, so the same seed gives the same model to the bit. Each epoch reports the mean of e² over all ratings, each
/// e taken before its step, to <see cref="TrainingContext.Progress"/>. Users and items without training ratings keep zero
/// factors. The fitted model stores p_u + z_u per user, so scoring costs what SVD's does. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial class SvdppModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "svdpp";

    // User rows hold p_u + |N(u)|^−½ Σ y_j, the vector every prediction uses.
    private readonly BiasedFactors _scoring;
    private readonly float[] _userFactors;
    private readonly float[] _implicitFactors;

    private SvdppModel(IdMap users, IdMap items, InteractionMatrix seen, SvdppOptions options, BiasedFactors scoring, float[] userFactors, float[] implicitFactors)
        : base(users, items, seen)
    {
        if (scoring.UserBias.Length != users.Count || scoring.ItemBias.Length != items.Count || scoring.Factors != options.Factors
            || userFactors.Length != scoring.UserFactors.Length || implicitFactors.Length != scoring.ItemFactors.Length)
        {
            throw new InvalidDataException($"SVD++ state does not match {users.Count} users, {items.Count} items and {options.Factors} factors.");
        }

        Options = options;
        _scoring = scoring;
        _userFactors = userFactors;
        _implicitFactors = implicitFactors;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public SvdppOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>μ, the mean training rating.</summary>
    public float GlobalMean => _scoring.GlobalMean;

    /// <summary>b_u per user index.</summary>
    public ReadOnlySpan<float> UserBias => _scoring.UserBias;

    /// <summary>b_i per item index.</summary>
    public ReadOnlySpan<float> ItemBias => _scoring.ItemBias;

    /// <summary>p_u (without the implicit part), users × <see cref="SvdppOptions.Factors"/>, row-major.</summary>
    public ReadOnlySpan<float> UserFactors => _userFactors;

    /// <summary>q_i, items × <see cref="SvdppOptions.Factors"/>, row-major.</summary>
    public ReadOnlySpan<float> ItemFactors => _scoring.ItemFactors;

    /// <summary>y_j, the implicit-feedback factors, items × <see cref="SvdppOptions.Factors"/>, row-major.</summary>
    public ReadOnlySpan<float> ImplicitFactors => _implicitFactors;

    /// <summary>Fits the model to the values of <paramref name="train"/>, read as ratings.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ModelFitException">The training loss became NaN or infinite (lower the learning rates).</exception>
    /// <exception cref="OperationCanceledException">The context's cancellation was requested.</exception>
    public static SvdppModel Fit(Dataset train, SvdppOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new SvdppOptions();
        options.Validate();
        var (factors, implicitFactors) = Train(train, options, context ?? TrainingContext.Default);
        var scoring = WithImplicitSum(factors, implicitFactors, train.Matrix);
        return new SvdppModel(train.Users, train.Items, train.Matrix, options, scoring, factors.UserFactors, implicitFactors);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static SvdppModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static SvdppModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<SvdppOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        var scoring = BiasedFactors.Read(reader, users.Count, items.Count);
        float[] userFactors = reader.ReadSingleArray();
        float[] implicitFactors = reader.ReadSingleArray();
        return new SvdppModel(users, items, seen, options, scoring, userFactors, implicitFactors);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) => _scoring.Predict(user, item);

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores) => _scoring.PredictAll(user, scores);

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _scoring.Write(writer);
        writer.Write(_userFactors);
        writer.Write(_implicitFactors);
    }

    // The scoring state: the fitted biases and q_i, with user rows p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j.
    private static BiasedFactors WithImplicitSum(BiasedFactors fitted, float[] implicitFactors, InteractionMatrix train)
    {
        int k = fitted.Factors;
        var users = new float[fitted.UserFactors.Length];
        for (int u = 0; u < train.Users; u++)
        {
            var row = users.AsSpan(u * k, k);
            ImplicitSum(implicitFactors, train.ItemsOf(u), row);
            SgdKernels.AddTo(row, fitted.UserRow(u));
        }

        return new BiasedFactors(k, fitted.GlobalMean, fitted.UserBias, fitted.ItemBias, users, fitted.ItemFactors, fitted.Minimum, fitted.Maximum);
    }
}
