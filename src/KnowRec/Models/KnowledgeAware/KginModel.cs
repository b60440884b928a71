using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>
/// KGIN (Wang, Huang, Wang, Lian, He, Chua 2021, "Learning Intents behind Interactions with Knowledge Graph for
/// Recommendation", WWW): user intents as attentive combinations of relations (eq. 2), users aggregated from their
/// items weighted by intent attention (eqs. 6–7), entities by relational path-aware aggregation over the knowledge
/// graph (eq. 9), hops summed (eq. 13), scored by ŷ(u, i) = e*_uᵀ e*_i, trained by BPR with an independence loss
/// between intents (eqs. 14, 16).
/// </summary>
/// <remarks>
/// Chosen over RippleNet because it shares the collaborative graph, the whole-graph propagation and the BPR training
/// of KGAT, scores by an inner product (RippleNet's user vector depends on the item, so a full ranking costs
/// H·M·d per user and item), and outperforms both KGAT and RippleNet in its paper. Needs a knowledge graph attached to
/// the training data (<c>--kg</c>); items without training rows are still scored through their knowledge edges. A
/// user without history gets all-zero scores. After fitting only the final representations and the relation weights
/// are kept, as plain arrays; immutable and thread-safe.
/// </remarks>
public sealed partial class KginModel : ScoringRecommender, Knowledge.Paths.IRelationWeights
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "kgin";

    private readonly RepresentationTable _table;
    private readonly float[] _relationWeights;

    private KginModel(IdMap users, IdMap items, InteractionMatrix seen, KginOptions options, RepresentationTable table, float[] relationWeights)
        : base(users, items, seen)
    {
        Options = options;
        _table = table;
        _relationWeights = relationWeights;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public KginOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>
    /// For each relation of the knowledge graph (by its index), the weight the intents give it: Σ_p β̄_p α(r, p) over
    /// the relation and its inverse, β̄_p being intent p's mean attention over users, relative to an even split (1 = average).
    /// </summary>
    /// <remarks>Usable as the relation weight γ(r) of path explanations.</remarks>
    public IReadOnlyList<float> RelationWeights => _relationWeights;

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static KginModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static KginModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<KginOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        var table = RepresentationTable.Read(reader, options.Factors, users.Count, items.Count);
        float[] weights = reader.ReadSingleArray();
        return new KginModel(users, items, seen, options, table, weights);
    }

    /// <summary>The final representation e*_u of a user (eq. 13).</summary>
    public ReadOnlySpan<float> UserRepresentation(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _table.User(user);
    }

    /// <summary>The final representation e*_i of an item (eq. 13).</summary>
    public ReadOnlySpan<float> ItemRepresentation(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _table.Item(item);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) => _table.Score(user, item);

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores) => _table.ScoreAll(user, scores);

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _table.Write(writer);
        writer.Write(_relationWeights);
    }
}
