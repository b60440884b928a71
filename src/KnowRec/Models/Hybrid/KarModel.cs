using KnowRec.Data;
using KnowRec.Models.Neural;
using KnowRec.Storage;

namespace KnowRec.Models.Hybrid;

/// <summary>
/// KAR (Xi et al. 2023, "Towards Open-World Recommendation with Knowledge Augmentation from Large Language Models"):
/// a backbone recommender (<c>two-tower</c> or <c>ncf</c>) augmented with knowledge. Each item's factual knowledge
/// vector (the <c>knowledge</c> source written by an LLM or the rule extractor, else the <c>text</c> embedding) and each
/// user's reasoning vector (the mean of their training items' knowledge vectors, standing in for an LLM-written
/// preference summary) pass through the hybrid-expert adaptor (<see cref="KnowledgeAdaptor"/>, §3.3) into augmented
/// vectors f̂_i and r̂_u, which the backbone reads as extra inputs (§3.4): for two towers, as features of the item and
/// user towers; for NeuMF, beside the id embeddings at the input of its MLP. Adaptor and backbone train end to end.
/// </summary>
/// <remarks>
/// Users and items without training interactions are scored with zero id embeddings (NeuMF) or the "no id" row (two
/// towers), so a cold item is placed by its knowledge alone. Per-user and per-item parts are computed at the end of the
/// fit; a pair then costs one dot product (two towers) or NeuMF's layers after the first (ncf). Immutable and thread-safe.
/// </remarks>
public sealed partial class KarModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "kar";

    private readonly int _width;
    private readonly float[] _userParts;
    private readonly float[] _itemParts;
    private readonly NcfHead? _head;

    private KarModel(IdMap users, IdMap items, InteractionMatrix seen, KarOptions options, int width, float[] userParts, float[] itemParts, NcfHead? head)
        : base(users, items, seen)
    {
        if (width < 1 || userParts.Length != users.Count * width || itemParts.Length != items.Count * width)
        {
            throw new InvalidDataException($"KAR model holds {userParts.Length} user and {itemParts.Length} item values of width {width} for {users.Count} users and {items.Count} items.");
        }

        Options = options;
        _width = width;
        _userParts = userParts;
        _itemParts = itemParts;
        _head = head;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public KarOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static KarModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static KarModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<KarOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int width = reader.ReadInt32();
        var userParts = reader.ReadSingleArray();
        var itemParts = reader.ReadSingleArray();
        var head = options.Backbone == KarBackbone.Ncf ? NcfHead.Read(reader, options) : null;
        return new KarModel(users, items, seen, options, width, userParts, itemParts, head);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) =>
        Pair(_userParts.AsSpan(user * _width, _width), _itemParts.AsSpan(item * _width, _width));

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        var u = _userParts.AsSpan(user * _width, _width);
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Pair(u, _itemParts.AsSpan(i * _width, _width));
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_width);
        writer.Write(_userParts);
        writer.Write(_itemParts);
        _head?.Write(writer);
    }

    private float Pair(ReadOnlySpan<float> user, ReadOnlySpan<float> item) => _head is null ? RowKernels.Dot(user, item) : _head.Score(user, item);
}
