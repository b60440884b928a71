using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.Neural;

/// <summary>
/// Two-tower retrieval model (Covington, Adams, Sargin 2016; Yi et al. 2019, "Sampling-Bias-Corrected Neural Modeling
/// for Large Corpus Item Recommendations"): a user tower and an item tower each map an id embedding plus an optional
/// feature vector, through a small MLP, into one d-dimensional space; the score is the dot product s(u, i) = ⟨f(u), g(i)⟩.
/// </summary>
/// <remarks>
/// <para>
/// Trained by a sampled softmax (Yi et al. 2019, eqs. 1–3): for each positive (u, i) of a mini-batch the softmax runs
/// over i, the other rows' items (in-batch negatives) and <see cref="TwoTowerOptions.Negatives"/> uniformly drawn
/// items shared by the batch (mixed negative sampling, Yang et al. 2020), with log Q correction for the popularity of
/// in-batch candidates. A candidate equal to the row's own item, or another positive of the same user in the batch,
/// is left out of that row's softmax (TensorFlow's <c>remove_accidental_hits</c>).
/// </para>
/// <para>
/// Features: by default the item tower reads a multi-hot of the dataset's genres (<see cref="Features.CatalogueFeatures.ItemGenres"/>)
/// and the user tower a one-hot of user attributes (<see cref="Features.CatalogueFeatures.UserAttributes"/>) when the
/// dataset has them; <see cref="Fit(Dataset, Features.FeatureMatrix?, Features.FeatureMatrix?, TwoTowerOptions?, Training.TrainingContext?)"/>
/// takes any other vectors (text or knowledge-graph embeddings). Ids are dropped out during training
/// (<see cref="TwoTowerOptions.IdDropout"/>) in favour of a shared "no id" row, and users or items without training
/// interactions are scored through that row, so they get vectors from their features: a new item that looks like a
/// popular one scores like it. <see cref="EmbedItem"/> does the same for an item outside the catalogue.
/// </para>
/// Scoring precomputes every user and item vector, so a pair costs one dot product. Repeatable for a seed with any
/// thread count. Immutable and thread-safe.
/// </remarks>
public sealed partial class TwoTowerModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "two-tower";

    private readonly TowerWeights _userTower;
    private readonly TowerWeights _itemTower;
    private readonly float[] _userVectors;
    private readonly float[] _itemVectors;

    private TwoTowerModel(IdMap users, IdMap items, InteractionMatrix seen, TwoTowerOptions options, TowerWeights userTower, TowerWeights itemTower, float[] userVectors, float[] itemVectors)
        : base(users, items, seen)
    {
        int d = options.Factors;
        if (userVectors.Length != users.Count * d || itemVectors.Length != items.Count * d || userTower.IdRows != users.Count + 1 || itemTower.IdRows != items.Count + 1)
        {
            throw new InvalidDataException($"Two-tower model holds {userVectors.Length / d} user and {itemVectors.Length / d} item vectors and {userTower.IdRows} / {itemTower.IdRows} id rows, for {users.Count} users and {items.Count} items.");
        }

        Options = options;
        _userTower = userTower;
        _itemTower = itemTower;
        _userVectors = userVectors;
        _itemVectors = itemVectors;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public TwoTowerOptions Options { get; }

    /// <summary>Length of the user feature vectors the user tower reads (0 when it reads none).</summary>
    public int UserFeatureCount => _userTower.Features;

    /// <summary>Length of the item feature vectors the item tower reads (0 when it reads none).</summary>
    public int ItemFeatureCount => _itemTower.Features;

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static TwoTowerModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static TwoTowerModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<TwoTowerOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        var userTower = ReadTower(reader, options);
        var itemTower = ReadTower(reader, options);
        return new TwoTowerModel(users, items, seen, options, userTower, itemTower, reader.ReadSingleArray(), reader.ReadSingleArray());
    }

    /// <summary>The user's vector f(u) (length <see cref="TwoTowerOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserVector(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _userVectors.AsSpan(user * Options.Factors, Options.Factors);
    }

    /// <summary>The item's vector g(i) (length <see cref="TwoTowerOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> ItemVector(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _itemVectors.AsSpan(item * Options.Factors, Options.Factors);
    }

    /// <summary>The vector of an item known only by its features (the "no id" row plus <paramref name="features"/>); score it against <see cref="UserVector"/>.</summary>
    /// <param name="features">A vector of length <see cref="ItemFeatureCount"/>, built like the features the model was fitted with.</param>
    public float[] EmbedItem(ReadOnlySpan<float> features) => Embed(_itemTower, features, nameof(features));

    /// <summary>The vector of a user known only by their features (the "no id" row plus <paramref name="features"/>).</summary>
    /// <param name="features">A vector of length <see cref="UserFeatureCount"/>.</param>
    public float[] EmbedUser(ReadOnlySpan<float> features) => Embed(_userTower, features, nameof(features));

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item)
    {
        int d = Options.Factors;
        return RowKernels.Dot(_userVectors.AsSpan(user * d, d), _itemVectors.AsSpan(item * d, d));
    }

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        int d = Options.Factors;
        RowKernels.DotRows(_userVectors.AsSpan(user * d, d), _itemVectors, scores);
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var tower in new[] { _userTower, _itemTower })
        {
            writer.Write(tower.Features);
            writer.Write(tower.Arrays.Length);
            foreach (var array in tower.Arrays)
            {
                writer.Write(array);
            }
        }

        writer.Write(_userVectors);
        writer.Write(_itemVectors);
    }

    private static TowerWeights ReadTower(ModelFileReader reader, TwoTowerOptions options)
    {
        int features = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (features < 0 || count is < 3 or > 6)
        {
            throw new InvalidDataException($"Two-tower model file declares a tower with {features} features and {count} arrays.");
        }

        var arrays = new float[count][];
        for (int a = 0; a < count; a++)
        {
            arrays[a] = reader.ReadSingleArray();
        }

        return new TowerWeights(arrays, options.Factors, features, options.Hidden);
    }

    private static float[] Embed(TowerWeights tower, ReadOnlySpan<float> features, string name)
    {
        if (features.Length != tower.Features)
        {
            throw new ArgumentException($"The tower reads {tower.Features} features, got {features.Length}.", name);
        }

        var vector = new float[tower.Factors];
        tower.Embed(tower.IdRows - 1, features, vector);
        return vector;
    }
}
