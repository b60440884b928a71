namespace KnowRec.Knowledge.Generation;

/// <summary>The records a generation run produced, in the order asked for, the failures, and the run's summary.</summary>
/// <typeparam name="T"><see cref="ItemKnowledgeRecord"/> or <see cref="UserPreferenceRecord"/>.</typeparam>
/// <param name="Records">One record per item or user that succeeded.</param>
/// <param name="Failures">Key of each item or user given up on, with the last reason.</param>
/// <param name="Summary">Counts, tokens and cost.</param>
public sealed record GenerationResult<T>(IReadOnlyList<T> Records, IReadOnlyList<(string Key, string Reason)> Failures, GenerationSummary Summary);
