using KnowRec.Data.Cleaning;

namespace KnowRec.Knowledge.Loaders;

/// <summary>How strictly knowledge files are read.</summary>
public sealed record KnowledgeLoadOptions
{
    /// <summary>Skip and count malformed lines instead of stopping at the first with its file and line.</summary>
    public bool Lenient { get; init; }

    /// <summary>Where skipped lines are counted (cause <c>malformed knowledge line</c>); null to count nowhere.</summary>
    public CleaningReport? Report { get; init; }
}
