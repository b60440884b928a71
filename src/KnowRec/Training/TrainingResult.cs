namespace KnowRec.Training;

/// <summary>What a <see cref="TrainingLoop"/> run did.</summary>
/// <param name="Epochs">Epochs completed in all, counting those restored from a checkpoint.</param>
/// <param name="Loss">Loss of the last epoch run, or NaN when none ran in this call.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before the planned epochs.</param>
/// <param name="BestEpoch">One-based epoch of the best validation metric, whose parameters were restored; 0 without early stopping.</param>
/// <param name="BestMetric">The best validation metric, or NaN without early stopping.</param>
/// <param name="ResumedFrom">Epochs restored from a checkpoint before this call ran any; 0 for a fresh run.</param>
public sealed record TrainingResult(int Epochs, double Loss, bool StoppedEarly, int BestEpoch, double BestMetric, int ResumedFrom);
