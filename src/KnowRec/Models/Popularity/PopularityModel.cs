using KnowRec.Data;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Popularity;

/// <summary>Recommends the items most users interacted with in training: the floor every personalised model must clear.</summary>
/// <remarks>The score of item i is the same for every user: |{u : r_ui observed}| (or Σ_u r_ui). Ties go to the lower index.</remarks>
public sealed class PopularityModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "popularity";

    private readonly float[] _popularity;

    private PopularityModel(IdMap users, IdMap items, InteractionMatrix seen, PopularityOptions options, float[] popularity)
        : base(users, items, seen)
    {
        Options = options;
        _popularity = popularity;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public PopularityOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Popularity of each item index.</summary>
    public ReadOnlySpan<float> Popularity => _popularity;

    /// <summary>Counts item popularity in <paramref name="train"/>.</summary>
    public static PopularityModel Fit(Dataset train, PopularityOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new PopularityOptions();
        options.Validate();
        (context ?? TrainingContext.Default).Cancellation.ThrowIfCancellationRequested();
        var seen = train.Matrix;
        var popularity = new float[train.Items.Count];
        var columns = seen.Columns;
        var values = seen.Values;
        for (int k = 0; k < columns.Length; k++)
        {
            popularity[columns[k]] += options.Weighting == PopularityWeighting.Users ? 1f : values[k];
        }

        return new PopularityModel(train.Users, train.Items, seen, options, popularity);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static PopularityModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static PopularityModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<PopularityOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        float[] popularity = reader.ReadSingleArray();
        if (popularity.Length != items.Count)
        {
            throw new InvalidDataException($"Popularity model file has {popularity.Length} scores for {items.Count} items.");
        }

        return new PopularityModel(users, items, seen, options, popularity);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) => _popularity[item];

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores) => _popularity.CopyTo(scores);

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_popularity);
    }
}
