using System.Numerics.Tensors;
using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Features.Text;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Content;

/// <summary>
/// Content-based nearest neighbours: score(u, i) = cos(p_u, x_i), the cosine between a user's profile and an item's text
/// vector (Pazzani &amp; Billsus 2007, §3; Lops, de Gemmis, Semeraro 2011, "Content-based Recommender Systems", §3.1.2).
/// </summary>
/// <remarks>
/// x_i comes from the dataset's item vector source <see cref="ContentKnnOptions.Source"/> (<c>text</c>, as attached by
/// <c>--text-encoder</c>); when the dataset has no such source the model fits <see cref="TfidfLsaEncoder"/> on
/// <see cref="ItemDocuments"/> itself, so it works with no extra flags once items have text. p_u is
/// <see cref="UserProfiles"/>'s weighted mean of the user's training items. Both are L2-normalised at fit time, so a score
/// is one dot product. Items need no training rows — a cold item scores through its text like any other — while an
/// item without a vector, or a user without a profile, scores 0. Fit O(nnz · d), scoring a user O(items · d).
/// Immutable and thread-safe.
/// </remarks>
public sealed class ContentKnnModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "content-knn";

    private readonly float[] _items;
    private readonly float[] _profiles;

    private ContentKnnModel(IdMap users, IdMap items, InteractionMatrix seen, ContentKnnOptions options, int dimension, float[] itemVectors, float[] profiles)
        : base(users, items, seen)
    {
        Options = options;
        Dimension = dimension;
        _items = itemVectors;
        _profiles = profiles;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public ContentKnnOptions Options { get; }

    /// <summary>Length of the item and profile vectors.</summary>
    public int Dimension { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Builds the normalised item vectors and user profiles from <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">Items have text but it yields no usable feature.</exception>
    public static ContentKnnModel Fit(Dataset train, ContentKnnOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new ContentKnnOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        context.Cancellation.ThrowIfCancellationRequested();
        var source = train.ItemVectorsNamed(options.Source) ?? BuildText(train, options, context);
        var profiles = UserProfiles.Build(train, source, options.Profiles);
        int d = source.Dimension;
        float[] items = source.Vectors.Values.ToArray();
        float[] users = profiles.Values.ToArray();
        NormalizeRows(items, d);
        NormalizeRows(users, d);
        return new ContentKnnModel(train.Users, train.Items, train.Matrix, options, d, items, users);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static ContentKnnModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static ContentKnnModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<ContentKnnOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int d = reader.ReadInt32();
        float[] itemVectors = reader.ReadSingleArray();
        float[] profiles = reader.ReadSingleArray();
        if (d < 1 || itemVectors.LongLength != (long)items.Count * d || profiles.LongLength != (long)users.Count * d)
        {
            throw new InvalidDataException($"content-knn model file holds {itemVectors.Length} item and {profiles.Length} profile values for dimension {d}.");
        }

        return new ContentKnnModel(users, items, seen, options, d, itemVectors, profiles);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) =>
        TensorPrimitives.Dot(_profiles.AsSpan(user * Dimension, Dimension), _items.AsSpan(item * Dimension, Dimension));

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        var profile = _profiles.AsSpan(user * Dimension, Dimension);
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(profile, _items.AsSpan(i * Dimension, Dimension));
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Dimension);
        writer.Write(_items);
        writer.Write(_profiles);
    }

    // tfidf-lsa over the items' own documents; with no text at all every item is absent (one zero column).
    private static ItemVectors BuildText(Dataset train, ContentKnnOptions options, TrainingContext context)
    {
        if (options.Source != TextVectors.SourceName)
        {
            throw new ArgumentException($"The dataset has no item vector source '{options.Source}'. Sources: {string.Join(", ", train.ItemVectors.Select(v => v.Name).DefaultIfEmpty("none"))}.", nameof(options));
        }

        var documents = ItemDocuments.Of(train);
        if (documents.WithText == 0)
        {
            return new ItemVectors(TextVectors.SourceName, new FeatureMatrix(train.Items.Count, 1, new float[train.Items.Count]), new bool[train.Items.Count]);
        }

        try
        {
            var encoderOptions = new TextEncoderOptions { Dimension = options.Dimension, Seed = options.Seed, Threads = context.Threads };
            string[] corpus = [.. Enumerable.Range(0, documents.Count).Where(documents.HasText).Select(i => documents.Texts[i])];
            using var encoder = TextEncoders.Create(TfidfLsaEncoder.Name, encoderOptions, corpus);
            return TextVectors.EncodeAsync(documents, encoder, TextVectors.SourceName, null, context.Cancellation).GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            throw new ModelFitException($"content-knn: could not build text vectors: {e.Message}", e);
        }
    }

    private static void NormalizeRows(float[] values, int d)
    {
        for (long start = 0; start < values.LongLength; start += d)
        {
            var row = values.AsSpan((int)start, d);
            float norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }
}
