using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Numerics.Autodiff;
using KnowRec.Storage;

namespace KnowRec.Knowledge.Embeddings;

/// <summary>
/// Fitted knowledge-graph embeddings: a vector per entity and relation (and a projection matrix per relation for TransR),
/// with the method's distance f(h, r, t) and full-ranking scores for link prediction.
/// </summary>
/// <remarks>
/// TransE (Bordes, Usunier, García-Durán, Weston, Yakhnenko 2013, "Translating Embeddings for Modeling Multi-relational
/// Data"): f = ‖h + r − t‖ in L1 or L2. TransR (Lin, Liu, Sun, Liu, Zhu 2015, "Learning Entity and Relation Embeddings
/// for Knowledge Graph Completion", eqs. 2–3): f = ‖h M_r + r − t M_r‖²₂. RotatE (Sun, Deng, Nie, Tang 2019, "RotatE:
/// Knowledge Graph Embedding by Relational Rotation in Complex Space", eq. 2): f = Σ_j |h_j r_j − t_j| with r_j = e^{iθ_j}.
/// Scores are −f. Entity rows hold d floats (TransE, TransR) or 2d (RotatE: d real parts, then d imaginary parts).
/// Immutable and thread-safe; <see cref="Save"/> writes the model file format with the graph's id maps, so a loaded
/// embedding needs no graph.
/// </remarks>
public sealed partial class KgEmbedding : ILinkPredictor
{
    /// <summary>The kind stored in model files.</summary>
    public const string KindName = "kg-embedding";

    private readonly float[] _entities;
    private readonly float[] _relations;
    private readonly float[] _projections;

    private KgEmbedding(KgEmbeddingOptions options, IdMap entities, IdMap relations, float[] entityRows, float[] relationRows, float[] projections)
    {
        Options = options;
        EntityIds = entities;
        RelationIds = relations;
        _entities = entityRows;
        _relations = relationRows;
        _projections = projections;
    }

    /// <summary>The options of the fit.</summary>
    public KgEmbeddingOptions Options { get; }

    /// <summary>The method.</summary>
    public KgEmbeddingMethod Method => Options.Method;

    /// <summary>Raw entity ids ↔ entity indices (those of the graph it was fitted on).</summary>
    public IdMap EntityIds { get; }

    /// <summary>Raw relation names ↔ relation indices.</summary>
    public IdMap RelationIds { get; }

    /// <inheritdoc/>
    public int Entities => EntityIds.Count;

    /// <summary>Floats per entity row: d, or 2d for RotatE.</summary>
    public int EntityWidth => EntityWidthOf(Options);

    /// <summary>The embedding of an entity (length <see cref="EntityWidth"/>).</summary>
    public ReadOnlySpan<float> EntityVector(int entity)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)entity, (uint)Entities, nameof(entity));
        return _entities.AsSpan(entity * EntityWidth, EntityWidth);
    }

    /// <summary>The embedding of a relation: a translation of length d, or RotatE's d rotation angles.</summary>
    public ReadOnlySpan<float> RelationVector(int relation)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)relation, (uint)RelationIds.Count, nameof(relation));
        return _relations.AsSpan(relation * Options.Dimension, Options.Dimension);
    }

    /// <summary>TransR's d × d projection M_r of a relation, row-major; empty for the other methods.</summary>
    public ReadOnlySpan<float> Projection(int relation)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)relation, (uint)RelationIds.Count, nameof(relation));
        int size = Options.Dimension * Options.Dimension;
        return Method == KgEmbeddingMethod.TransR ? _projections.AsSpan(relation * size, size) : default;
    }

    /// <summary>The method's distance f(h, r, t): lower means more plausible.</summary>
    public float Distance(int head, int relation, int tail)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)head, (uint)Entities, nameof(head));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)tail, (uint)Entities, nameof(tail));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)relation, (uint)RelationIds.Count, nameof(relation));
        var tape = new Tape();
        Tensor Row(float[] data, int index, int width) => Tensor.FromArray(data.AsSpan(index * width, width).ToArray(), [1, width]);
        int d = Options.Dimension, w = EntityWidth;
        var h = Row(_entities, head, w);
        var r = Row(_relations, relation, d);
        var t = Row(_entities, tail, w);
        return Method switch
        {
            KgEmbeddingMethod.TransR => Ops.TranslationDistance(
                tape, Ops.RelationProjection(tape, h, ProjectionTensor(relation), [0]), r, Ops.RelationProjection(tape, t, ProjectionTensor(relation), [0]), DistanceNorm.SquaredL2).Data[0],
            KgEmbeddingMethod.RotatE => Ops.RotationDistance(tape, h, r, t).Data[0],
            _ => Ops.TranslationDistance(tape, h, r, t, Options.Norm).Data[0],
        };
    }

    /// <summary>Writes the embedding in the model file format (kind <see cref="KindName"/>).</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new ModelFileWriter(KindName, OptionsBinder.ToJson(Options));
        writer.Write(EntityIds);
        writer.Write(RelationIds);
        writer.Write(_entities);
        writer.Write(_relations);
        writer.Write(_projections);
        writer.CopyTo(destination);
    }

    /// <summary>Reads an embedding written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is damaged, of another kind, or its arrays do not fit its sizes.</exception>
    public static KgEmbedding Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        if (reader.Kind != KindName)
        {
            throw new InvalidDataException($"The file holds a '{reader.Kind}' model, not a knowledge-graph embedding.");
        }

        var options = OptionsBinder.FromJson<KgEmbeddingOptions>(reader.OptionsJson);
        var entities = reader.ReadIdMap();
        var relations = reader.ReadIdMap();
        var entityRows = reader.ReadSingleArray();
        var relationRows = reader.ReadSingleArray();
        var projections = reader.ReadSingleArray();
        int d = options.Dimension;
        int projectionLength = options.Method == KgEmbeddingMethod.TransR ? relations.Count * d * d : 0;
        if (entityRows.Length != entities.Count * EntityWidthOf(options) || relationRows.Length != relations.Count * d || projections.Length != projectionLength)
        {
            throw new InvalidDataException($"Embedding arrays have lengths {entityRows.Length}, {relationRows.Length}, {projections.Length}; expected {entities.Count * EntityWidthOf(options)}, {relations.Count * d}, {projectionLength}.");
        }

        return new KgEmbedding(options, entities, relations, entityRows, relationRows, projections);
    }

    private static int EntityWidthOf(KgEmbeddingOptions options) => options.Method == KgEmbeddingMethod.RotatE ? 2 * options.Dimension : options.Dimension;

    private Tensor ProjectionTensor(int relation)
    {
        int d = Options.Dimension;
        return Tensor.FromArray(_projections.AsSpan(relation * d * d, d * d).ToArray(), [1, d, d]);
    }
}
