using KnowRec.Data;
using KnowRec.Models.Neural;
using KnowRec.Storage;

namespace KnowRec.Models.Hybrid;

/// <summary>
/// Hybrid two-tower recommender: the two-tower model (Yi et al. 2019; <see cref="TwoTowerModel"/>) whose item tower
/// fuses the item's id embedding with every per-item vector source the dataset has — text, LLM or rule knowledge, a
/// knowledge-graph embedding, genre multi-hots, imported image or audio vectors — each through its own projection and a
/// chosen <see cref="Features.Fusion.FusionModule"/> (concat, weighted, attention or gated); the user tower reads the
/// user's id and attributes (and optionally the mean of their history's source vectors). s(u, i) = ⟨f(u), g(i)⟩.
/// </summary>
/// <remarks>
/// <para>
/// Training is two-tower's sampled softmax with log Q correction, accidental-hit removal and id dropout
/// (<see cref="TowerTrainer"/>). In the item tower a dropped id is masked out of the fusion rather than replaced, so the
/// tower learns to place an item from its modalities alone; an item without training interactions (a cold item) is
/// scored exactly that way, and one with no modality either fuses to the fusion's "nothing present" vector.
/// </para>
/// <para>Every user and item vector is computed at the end of the fit, so a pair costs one dot product. Repeatable for a seed with any thread count. Immutable and thread-safe.</para>
/// </remarks>
public sealed partial class HybridModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "hybrid";

    private readonly float[] _userVectors;
    private readonly float[] _itemVectors;

    private HybridModel(IdMap users, IdMap items, InteractionMatrix seen, HybridOptions options, IReadOnlyList<string> sources, float[] userVectors, float[] itemVectors)
        : base(users, items, seen)
    {
        int d = options.Factors;
        if (userVectors.Length != users.Count * d || itemVectors.Length != items.Count * d)
        {
            throw new InvalidDataException($"Hybrid model holds {userVectors.Length} user and {itemVectors.Length} item values for {users.Count} users and {items.Count} items of {d} factors.");
        }

        Options = options;
        SourceNames = sources;
        _userVectors = userVectors;
        _itemVectors = itemVectors;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public HybridOptions Options { get; }

    /// <summary>The item vector sources fused with the id, in fusion order (after the id).</summary>
    public IReadOnlyList<string> SourceNames { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static HybridModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static HybridModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<HybridOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        int count = reader.ReadInt32();
        if (count is < 0 or > 4096)
        {
            throw new InvalidDataException($"Hybrid model file declares {count} sources.");
        }

        var sources = Enumerable.Range(0, count).Select(_ => reader.ReadString()).ToList();
        return new HybridModel(users, items, seen, options, sources, reader.ReadSingleArray(), reader.ReadSingleArray());
    }

    /// <summary>The user's vector f(u).</summary>
    public ReadOnlySpan<float> UserVector(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _userVectors.AsSpan(user * Options.Factors, Options.Factors);
    }

    /// <summary>The item's vector g(i).</summary>
    public ReadOnlySpan<float> ItemVector(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _itemVectors.AsSpan(item * Options.Factors, Options.Factors);
    }

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
        writer.Write(SourceNames.Count);
        foreach (string name in SourceNames)
        {
            writer.Write(name);
        }

        writer.Write(_userVectors);
        writer.Write(_itemVectors);
    }
}
