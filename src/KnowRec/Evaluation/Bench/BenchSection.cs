namespace KnowRec.Evaluation.Bench;

/// <summary>A titled group of benchmark runs, rendered as one table.</summary>
public sealed record BenchSection
{
    /// <summary>Section heading.</summary>
    public required string Title { get; init; }

    /// <summary>A sentence of context under the heading.</summary>
    public string? Note { get; init; }

    /// <summary>The runs, in table order.</summary>
    public required IReadOnlyList<BenchRun> Runs { get; init; }
}
