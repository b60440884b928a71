namespace KnowRec.Models;

/// <summary>How much one item of a user's history added to the score of a recommended item.</summary>
/// <param name="Item">Index of the history item.</param>
/// <param name="Weight">Its additive share of the score (same units as <see cref="IRecommender.Score"/>).</param>
public readonly record struct Contribution(int Item, float Weight);
