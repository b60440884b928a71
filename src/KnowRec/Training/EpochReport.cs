namespace KnowRec.Training;

/// <summary>Progress of an iterative fit after one epoch.</summary>
/// <param name="Epoch">One-based epoch number.</param>
/// <param name="Epochs">Planned number of epochs.</param>
/// <param name="Loss">Training loss of the epoch, or NaN when the model has none.</param>
/// <param name="Elapsed">Time since the fit started.</param>
/// <param name="ValidationMetric">The validation metric measured after this epoch (e.g. NDCG@10), or null when none was measured.</param>
public sealed record EpochReport(int Epoch, int Epochs, double Loss, TimeSpan Elapsed, double? ValidationMetric = null);
