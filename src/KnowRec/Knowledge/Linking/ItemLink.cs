namespace KnowRec.Knowledge.Linking;

/// <summary>The linking decision for one source item: its best and second-best targets with their confidences.</summary>
/// <param name="SourceKey">The source item's key.</param>
/// <param name="Status">Linked, ambiguous or unlinked.</param>
/// <param name="Best">Key of the best-scoring target, or null when no candidate scored above zero.</param>
/// <param name="Confidence">Confidence of <paramref name="Best"/> in [0, 1].</param>
/// <param name="RunnerUp">Key of the second-best target, or null.</param>
/// <param name="RunnerUpConfidence">Confidence of <paramref name="RunnerUp"/> in [0, 1] (0 when none).</param>
public sealed record ItemLink(string SourceKey, LinkStatus Status, string? Best, double Confidence, string? RunnerUp, double RunnerUpConfidence)
{
    /// <summary>The linked target's key, or null unless <see cref="Status"/> is <see cref="LinkStatus.Linked"/>.</summary>
    public string? Target => Status == LinkStatus.Linked ? Best : null;
}
