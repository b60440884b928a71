namespace KnowRec.Evaluation.Bench;

/// <summary>The outcome of one benchmark run: its report, or why it failed.</summary>
/// <param name="Run">The run.</param>
/// <param name="Report">The evaluation report, when the run succeeded.</param>
/// <param name="Error">The failure message, when it did not.</param>
public sealed record BenchResult(BenchRun Run, EvaluationReport? Report, string? Error);
