using KnowRec.Data;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Knn;

/// <summary>
/// User-based top-N neighbourhood model (Herlocker et al. 1999; Sarwar et al. 2000, "Analysis of recommendation
/// algorithms for e-commerce", §3.1 most-frequent-item): score(u, i) = Σ_{v ∈ N^k(u)} s_uv · r_vi over u's k most similar users.
/// </summary>
/// <remarks>
/// <para>A ranking score like <see cref="ItemKnnModel"/>'s, not a rating (predictsRatings: false); for rating
/// prediction use <see cref="KnnBaselineModel"/> with UserBased. Explanations split each neighbour's term over the items
/// u and v share, in proportion to each item's share of s_uv (see <see cref="Explain"/>).</para>
/// <para>Cost: fit Σ_i |R(i)|² multiply-adds (parallel); a user's full ranking Σ_{v ∈ N^k(u)} |R(v)|; Score one merge of
/// u's neighbours with i's raters. Immutable and thread-safe.</para>
/// </remarks>
public sealed class UserKnnModel : ScoringRecommender, IExplainableRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "user-knn";

    private readonly SimilarityRows _neighbours;
    private readonly InteractionMatrix _raters;
    private readonly Lazy<WeightedVectors> _vectors;

    private UserKnnModel(IdMap users, IdMap items, InteractionMatrix seen, KnnOptions options, SimilarityRows neighbours, WeightedVectors? vectors)
        : base(users, items, seen)
    {
        Options = options;
        _neighbours = neighbours;
        _raters = seen.Transpose();

        // Explanations need the weighted vectors; a loaded model rebuilds them on first use rather than storing them.
        _vectors = vectors is null ? new Lazy<WeightedVectors>(() => WeightedVectors.Build(seen, options)) : new Lazy<WeightedVectors>(vectors);
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public KnnOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Computes every user's k nearest users on the (weighted) user × item matrix of <paramref name="train"/>.</summary>
    public static UserKnnModel Fit(Dataset train, KnnOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new KnnOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var vectors = WeightedVectors.Build(train.Matrix, options);
        var neighbours = CosineNeighbours.Compute(vectors, options.Neighbours, options.Shrinkage, context.Threads, context.Cancellation);
        return new UserKnnModel(train.Users, train.Items, train.Matrix, options, neighbours, vectors);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static UserKnnModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static UserKnnModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<KnnOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        return new UserKnnModel(users, items, seen, options, SimilarityRows.Load(reader, users.Count), null);
    }

    /// <summary>
    /// The history items of u that carried most of the score, largest first; all weights sum to the score.
    /// </summary>
    /// <remarks>
    /// The score is a sum of neighbour terms s_uv · r_vi. The similarity is a sum over the items u and v share,
    /// s_uv = f · Σ_j x_uj x_vj / (‖x_u‖ ‖x_v‖), so item j receives the part x_uj x_vj / Σ_j x_uj x_vj of each term:
    /// "you share j with users who liked i". Weights are honest but not the same thing as item-knn's: they say through
    /// which shared items the neighbours were found, not that item j itself is similar to i.
    /// </remarks>
    public IReadOnlyList<Contribution> Explain(int user, int item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var vectors = _vectors.Value.Rows;
        var weights = new Dictionary<int, double>();
        var neighbours = _neighbours.NeighboursOf(user);
        var similarities = _neighbours.SimilaritiesOf(user);
        for (int n = 0; n < neighbours.Length; n++)
        {
            int v = neighbours[n];
            int at = Seen.ItemsOf(v).BinarySearch(item);
            if (at < 0)
            {
                continue;
            }

            double term = similarities[n] * Seen.ValuesOf(v)[at];
            var mine = vectors.ItemsOf(user);
            var mineValues = vectors.ValuesOf(user);
            var theirs = vectors.ItemsOf(v);
            var theirValues = vectors.ValuesOf(v);
            var shared = new List<(int Item, double Product)>();
            double sum = 0;
            for (int a = 0, b = 0; a < mine.Length && b < theirs.Length;)
            {
                if (mine[a] == theirs[b])
                {
                    double product = mineValues[a] * (double)theirValues[b];
                    shared.Add((mine[a], product));
                    sum += product;
                    a++;
                    b++;
                }
                else if (mine[a] < theirs[b])
                {
                    a++;
                }
                else
                {
                    b++;
                }
            }

            foreach (var (sharedItem, product) in shared)
            {
                weights[sharedItem] = weights.GetValueOrDefault(sharedItem) + (term * product / sum);
            }
        }

        return [.. weights.Select(w => new Contribution(w.Key, (float)w.Value)).OrderByDescending(c => c.Weight).ThenBy(c => c.Item).Take(count)];
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item)
    {
        // A merge of u's neighbours with i's raters, both ascending, accumulating in float in the order ScoreAll uses.
        var neighbours = _neighbours.NeighboursOf(user);
        var similarities = _neighbours.SimilaritiesOf(user);
        var raters = _raters.ItemsOf(item);
        var values = _raters.ValuesOf(item);
        float score = 0;
        for (int a = 0, b = 0; a < neighbours.Length && b < raters.Length;)
        {
            if (neighbours[a] == raters[b])
            {
                score += similarities[a++] * values[b++];
            }
            else if (neighbours[a] < raters[b])
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return score;
    }

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        scores.Clear();
        var neighbours = _neighbours.NeighboursOf(user);
        var similarities = _neighbours.SimilaritiesOf(user);
        for (int n = 0; n < neighbours.Length; n++)
        {
            var items = Seen.ItemsOf(neighbours[n]);
            var values = Seen.ValuesOf(neighbours[n]);
            for (int k = 0; k < items.Length; k++)
            {
                scores[items[k]] += similarities[n] * values[k];
            }
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _neighbours.Save(writer);
    }
}
