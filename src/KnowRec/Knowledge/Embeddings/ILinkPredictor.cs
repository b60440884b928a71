namespace KnowRec.Knowledge.Embeddings;

/// <summary>Scores every entity as the missing head or tail of (anchor, relation, ?) or (?, relation, anchor): what link prediction ranks.</summary>
public interface ILinkPredictor
{
    /// <summary>Number of entities scored per query.</summary>
    int Entities { get; }

    /// <summary>
    /// Writes, for each anchor, one row of <see cref="Entities"/> scores (higher is more plausible) into
    /// <paramref name="scores"/>: candidates for the tail of (anchor, relation, ?) when <paramref name="tails"/>, else
    /// for the head of (?, relation, anchor).
    /// </summary>
    /// <param name="relation">The relation index.</param>
    /// <param name="anchors">The known entity of each query.</param>
    /// <param name="tails">True to predict tails, false to predict heads.</param>
    /// <param name="scores">anchors.Length × <see cref="Entities"/> values, row after row.</param>
    /// <remarks>Queries come grouped by relation so that a method with per-relation work (TransR's projection) does it once per call.</remarks>
    void ScoreCandidates(int relation, ReadOnlySpan<int> anchors, bool tails, Span<float> scores);
}
