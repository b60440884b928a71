namespace KnowRec.Knowledge.Paths;

/// <summary>A model that has learned how much each knowledge-graph relation matters, e.g. KGAT's relation attention.</summary>
/// <remarks>
/// <see cref="PathFinder"/> uses these weights as the relation factor of each hop's γ(r, e). Weights are read as
/// non-negative importances and divided by their maximum, so only their ratios matter; negative or non-finite
/// weights count as zero.
/// </remarks>
public interface IRelationWeights
{
    /// <summary>
    /// One weight per relation of the attached graph, indexed like <see cref="KnowledgeGraph.Relations"/>; entries
    /// past the graph's relation count (a model's own inverse relations) are ignored.
    /// </summary>
    IReadOnlyList<float> RelationWeights { get; }
}
