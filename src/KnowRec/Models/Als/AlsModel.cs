using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Als;

/// <summary>
/// Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren, Volinsky 2008, "Collaborative
/// Filtering for Implicit Feedback Datasets"): minimises Σ_{u,i} c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) (eq. 3)
/// with c_ui = 1 + α·r_ui and p_ui = 1 for observed cells, 0 otherwise. The score is x_uᵀy_i.
/// </summary>
/// <remarks>
/// Each sweep solves all item factors, then all user factors (eq. 5, then eq. 4), so the stored user factors are the
/// best response to the final item factors: <see cref="FoldIn"/> of a training user's history gives (nearly) that user's
/// factors, and <see cref="Explain"/>'s contributions add up to the score. Factors are float32 rows zero-padded to a
/// multiple of 8. Fitting is parallel over rows and deterministic for a seed whatever the thread count.
/// Immutable and thread-safe after fitting.
/// </remarks>
public sealed partial class AlsModel : ScoringRecommender, IExplainableRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "als";

    private readonly float[] _userFactors;
    private readonly float[] _itemFactors;
    private readonly int _stride;

    // Factor-major copy of the item factors for full-catalogue scoring (see FactorKernels.ScoreByFactor).
    private readonly float[] _itemFactorsByFactor;

    // YᵀY + λI of the final item factors, shared by fold-in and explanations.
    private readonly float[] _itemGram;

    private AlsModel(IdMap users, IdMap items, InteractionMatrix seen, AlsOptions options, float[] userFactors, float[] itemFactors)
        : base(users, items, seen)
    {
        Options = options;
        _stride = FactorKernels.Stride(options.Factors);
        _userFactors = userFactors;
        _itemFactors = itemFactors;
        _itemFactorsByFactor = FactorKernels.Transpose(itemFactors, items.Count, _stride, options.Factors);
        _itemGram = FactorKernels.Gram(itemFactors, items.Count, _stride, options.Regularization);
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public AlsOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Fits the model on <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">The factors became NaN or infinite.</exception>
    public static AlsModel Fit(Dataset train, AlsOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new AlsOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var clock = Stopwatch.StartNew();
        var userItems = train.Matrix;
        var itemUsers = userItems.Transpose();
        int stride = FactorKernels.Stride(options.Factors);
        var random = new SplitMix64((ulong)(uint)options.Seed);
        var userFactors = Initial(ref random, userItems.Users, options.Factors, stride);
        var itemFactors = Initial(ref random, userItems.Items, options.Factors, stride);
        int threads = Math.Max(1, context.Threads);
        for (int iteration = 1; iteration <= options.Iterations; iteration++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            AlsLeastSquares.Sweep(itemUsers, itemFactors, userFactors, stride, options, threads, context.Cancellation);
            AlsLeastSquares.Sweep(userItems, userFactors, itemFactors, stride, options, threads, context.Cancellation);
            if (!AllFinite(userFactors) || !AllFinite(itemFactors))
            {
                throw new ModelFitException($"ALS diverged at iteration {iteration}: factors are not finite (Regularization {options.Regularization}, Alpha {options.Alpha}).");
            }

            context.Progress?.Report(new EpochReport(iteration, options.Iterations, double.NaN, clock.Elapsed));
        }

        return new AlsModel(train.Users, train.Items, userItems, options, userFactors, itemFactors);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static AlsModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static AlsModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<AlsOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int stride = FactorKernels.Stride(options.Factors);
        float[] userFactors = reader.ReadSingleArray();
        float[] itemFactors = reader.ReadSingleArray();
        if (userFactors.Length != users.Count * stride || itemFactors.Length != items.Count * stride)
        {
            throw new InvalidDataException($"ALS model file has {userFactors.Length} user and {itemFactors.Length} item factor values; expected {users.Count * stride} and {items.Count * stride}.");
        }

        return new AlsModel(users, items, seen, options, userFactors, itemFactors);
    }

    /// <summary>The factor vector x_u of a training user (length <see cref="AlsOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserFactors(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _userFactors.AsSpan(user * _stride, Options.Factors);
    }

    /// <summary>The factor vector y_i of an item (length <see cref="AlsOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> ItemFactors(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _itemFactors.AsSpan(item * _stride, Options.Factors);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) =>
        FactorKernels.ScoreOne(_userFactors.AsSpan(user * _stride, _stride), _itemFactors.AsSpan(item * _stride, _stride), Options.Factors);

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores) =>
        FactorKernels.ScoreByFactor(_itemFactorsByFactor, _userFactors.AsSpan(user * _stride, _stride), Options.Factors, scores);

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_userFactors);
        writer.Write(_itemFactors);
    }

    // Small uniform values as in implicit: large enough to break symmetry, small enough that the first solves are
    // dominated by the data rather than by the initial guess. SplitMix64 rather than System.Random: a seeded
    // System.Random is the slow legacy generator, and this loop is serial.
    private static float[] Initial(ref SplitMix64 random, int rows, int factors, int stride)
    {
        var values = new float[rows * stride];
        for (int r = 0; r < rows; r++)
        {
            for (int f = 0; f < factors; f++)
            {
                values[(r * stride) + f] = random.NextSingle() * 0.01f;
            }
        }

        return values;
    }

    private static bool AllFinite(float[] values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
