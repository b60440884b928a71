namespace KnowRec.Models;

/// <summary>An item index with the score a model gave it.</summary>
public readonly record struct ScoredItem(int Item, float Score);
