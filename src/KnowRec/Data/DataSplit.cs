namespace KnowRec.Data;

/// <summary>A train part and a test part of one dataset, sharing its id maps.</summary>
/// <param name="Train">Rows a model may learn from.</param>
/// <param name="Test">Held-out rows the model is scored on.</param>
/// <param name="Protocol">The protocol that made the split, e.g. <c>user-ratio</c>.</param>
/// <param name="Fold">Zero-based fold number for k-fold splits, else null.</param>
public sealed record DataSplit(Dataset Train, Dataset Test, string Protocol, int? Fold = null);
