using System.Numerics.Tensors;
using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.Sequential;

/// <summary>
/// Self-attentive sequential recommendation (Kang &amp; McAuley 2018, "Self-Attentive Sequential Recommendation",
/// ICDM): a causal Transformer encoder reads each user's time-ordered history and the output F_t at the last position
/// scores every item i as r_{i,t} = F_t · M_i with the shared item embedding M (Section III-D).
/// </summary>
/// <remarks>
/// Training follows Section III-E: at every position t of a user's last n + 1 training items the model predicts the
/// next item, with binary cross-entropy on that item and on one item the user never had, drawn uniformly afresh each
/// epoch, optimised by Adam (β₂ = 0.98 as in the authors' code). At the end of the fit each user's state F is computed
/// from the last n items of their training history, so recommending costs one dot product per item. A user without
/// history has the zero state: every score is 0 and ties fall to the lower item index.
/// Every step is deterministic for a seed and gives the same weights for any thread count (see <see cref="Numerics.Autodiff.Tape.Threads"/>).
/// Immutable and thread-safe after fitting.
/// </remarks>
public sealed partial class SasRecModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "sasrec";

    private readonly float[] _userStates;
    private readonly float[] _itemEmbeddings;
    private readonly int _width;

    private SasRecModel(IdMap users, IdMap items, InteractionMatrix seen, SasRecOptions options, float[] userStates, float[] itemEmbeddings)
        : base(users, items, seen)
    {
        Options = options;
        _width = options.Factors;
        _userStates = userStates;
        _itemEmbeddings = itemEmbeddings;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public SasRecOptions Options { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static SasRecModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static SasRecModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<SasRecOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        float[] states = reader.ReadSingleArray();
        float[] embeddings = reader.ReadSingleArray();
        if (states.Length != users.Count * options.Factors || embeddings.Length != items.Count * options.Factors)
        {
            throw new InvalidDataException($"SASRec model file arrays have lengths {states.Length} and {embeddings.Length}; expected {users.Count * options.Factors} and {items.Count * options.Factors}.");
        }

        return new SasRecModel(users, items, seen, options, states, embeddings);
    }

    /// <summary>The state F of a user: the encoder's output after their last training item (zeros without history).</summary>
    public ReadOnlySpan<float> UserState(int user)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        return _userStates.AsSpan(user * _width, _width);
    }

    /// <summary>The embedding M_i of an item, used both as input and to score it.</summary>
    public ReadOnlySpan<float> ItemEmbedding(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return _itemEmbeddings.AsSpan(item * _width, _width);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) =>
        TensorPrimitives.Dot(_userStates.AsSpan(user * _width, _width), _itemEmbeddings.AsSpan(item * _width, _width));

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        var state = _userStates.AsSpan(user * _width, _width);
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(state, _itemEmbeddings.AsSpan(i * _width, _width));
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_userStates);
        writer.Write(_itemEmbeddings);
    }
}
