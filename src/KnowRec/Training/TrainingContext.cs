namespace KnowRec.Training;

/// <summary>What a fit may use and report to: threads, progress and cancellation.</summary>
public sealed record TrainingContext
{
    /// <summary>A context with default settings.</summary>
    public static TrainingContext Default { get; } = new();

    /// <summary>Most threads a fit may use (default: all cores).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives one report per epoch, when set.</summary>
    public IProgress<EpochReport>? Progress { get; init; }

    /// <summary>Stops a long fit early; a cancelled fit throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }
}
