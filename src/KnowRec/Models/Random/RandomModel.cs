using KnowRec.Data;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Random;

/// <summary>Ranks items in a random order that is fixed per (seed, user): the chance-level floor for every metric.</summary>
/// <remarks>
/// The score is a hash of (seed, user, item) mapped to [0, 1), so Score and Recommend agree, results need no stored
/// state, and the same seed always gives the same rankings (SplitMix64 finaliser, Steele et al. 2014).
/// </remarks>
public sealed class RandomModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "random";

    private RandomModel(IdMap users, IdMap items, InteractionMatrix seen, RandomOptions options)
        : base(users, items, seen) => Options = options;

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public RandomOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>"Fits" the model: it only remembers the catalogue and what each user has seen.</summary>
    public static RandomModel Fit(Dataset train, RandomOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new RandomOptions();
        options.Validate();
        (context ?? TrainingContext.Default).Cancellation.ThrowIfCancellationRequested();
        return new RandomModel(train.Users, train.Items, train.Matrix, options);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static RandomModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static RandomModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<RandomOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        return new RandomModel(users, items, seen, options);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) => Hash(Options.Seed, user, item);

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Hash(Options.Seed, user, i);
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
    }

    private static float Hash(int seed, int user, int item)
    {
        ulong z = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)user * 0x9E3779B97F4A7C15UL) ^ (uint)item;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;

        // 24 high bits give every float in [0, 1) with equal spacing.
        return (z >> 40) * (1f / (1 << 24));
    }
}
