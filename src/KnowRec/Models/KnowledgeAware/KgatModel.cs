using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>
/// KGAT (Wang, He, Cao, Liu, Chua 2019, "KGAT: Knowledge Graph Attention Network for Recommendation", KDD): embeddings
/// of users, items and entities propagated over the collaborative knowledge graph with knowledge-aware attention
/// (eqs. 3–5) and the bi-interaction aggregator (eq. 8), layer outputs concatenated (eq. 11), scored by ŷ(u, i) =
/// e*_uᵀ e*_i (eq. 12); trained by alternating a BPR phase (eq. 13) with a TransR phase over the graph (eqs. 1–2).
/// </summary>
/// <remarks>
/// Needs a knowledge graph attached to the training data (<c>--kg</c>). Items without training rows are still scored
/// through their entity's knowledge edges. A user without history gets all-zero scores. After fitting only the final
/// representations and the per-relation attention are kept, as plain arrays; immutable and thread-safe.
/// </remarks>
public sealed partial class KgatModel : ScoringRecommender, Knowledge.Paths.IRelationWeights
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "kgat";

    private readonly RepresentationTable _table;
    private readonly float[] _relationWeights;

    private KgatModel(IdMap users, IdMap items, InteractionMatrix seen, KgatOptions options, RepresentationTable table, float[] relationWeights)
        : base(users, items, seen)
    {
        Options = options;
        _table = table;
        _relationWeights = relationWeights;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public KgatOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>
    /// For each relation of the knowledge graph (by its index), the mean attention its edges received after the last
    /// epoch, relative to an even split of each head's attention (1 = average; both directions counted).
    /// </summary>
    /// <remarks>Usable as the relation weight γ(r) of path explanations.</remarks>
    public IReadOnlyList<float> RelationWeights => _relationWeights;

    /// <summary>Length of the final representations (eq. 11).</summary>
    public int Width => _table.Width;

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static KgatModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static KgatModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<KgatOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        var table = RepresentationTable.Read(reader, options.Width, users.Count, items.Count);
        float[] weights = reader.ReadSingleArray();
        return new KgatModel(users, items, seen, options, table, weights);
    }

    /// <summary>The final representation e*_u of a user (eq. 11).</summary>
    public ReadOnlySpan<float> UserRepresentation(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _table.User(user);
    }

    /// <summary>The final representation e*_i of an item (eq. 11).</summary>
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
