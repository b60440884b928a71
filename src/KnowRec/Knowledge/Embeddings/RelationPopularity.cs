namespace KnowRec.Knowledge.Embeddings;

/// <summary>
/// The trivial link predictor every embedding must beat: an entity's score as the tail (head) of relation r is how often
/// it is the tail (head) of r in the training triples, whatever the anchor.
/// </summary>
/// <remarks>
/// On graphs whose relations have few popular answers (genres, countries, languages) this is far from chance, so it is
/// the floor to report with any link-prediction figure. Immutable and thread-safe.
/// </remarks>
public sealed class RelationPopularity : ILinkPredictor
{
    private readonly float[] _asTail;
    private readonly float[] _asHead;

    /// <summary>Counts the training triples.</summary>
    /// <param name="entities">Number of entities.</param>
    /// <param name="relations">Number of relations.</param>
    /// <param name="training">Training triples.</param>
    public RelationPopularity(int entities, int relations, IReadOnlyList<Triple> training)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entities);
        ArgumentOutOfRangeException.ThrowIfNegative(relations);
        ArgumentNullException.ThrowIfNull(training);
        Entities = entities;
        _asTail = new float[(long)relations * entities];
        _asHead = new float[(long)relations * entities];
        foreach (var t in training)
        {
            _asTail[((long)t.Relation * entities) + t.Tail]++;
            _asHead[((long)t.Relation * entities) + t.Head]++;
        }
    }

    /// <inheritdoc/>
    public int Entities { get; }

    /// <inheritdoc/>
    public void ScoreCandidates(int relation, ReadOnlySpan<int> anchors, bool tails, Span<float> scores)
    {
        int n = Entities;
        if (scores.Length != anchors.Length * n)
        {
            throw new ArgumentException($"{scores.Length} scores for {anchors.Length} queries over {n} entities.", nameof(scores));
        }

        var counts = (tails ? _asTail : _asHead).AsSpan(relation * n, n);
        for (int a = 0; a < anchors.Length; a++)
        {
            counts.CopyTo(scores.Slice(a * n, n));
        }
    }
}
