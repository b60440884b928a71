namespace KnowRec.Knowledge.Embeddings;

/// <summary>Filtered link-prediction figures over a set of held-out triples, each ranked as a missing tail and as a missing head.</summary>
/// <param name="Queries">Ranked queries: two per triple.</param>
/// <param name="MeanReciprocalRank">Mean of 1/rank.</param>
/// <param name="HitsAt1">Share of queries whose true entity ranks first.</param>
/// <param name="HitsAt3">Share ranked in the top 3.</param>
/// <param name="HitsAt10">Share ranked in the top 10.</param>
/// <param name="MeanRank">Mean rank (1 is best).</param>
/// <remarks>
/// Ranks are expectations under a uniformly random order among equal scores, so a constant scorer gets the chance
/// figures rather than a lucky first place (the "realistic" rank of Berrendorf et al. 2020).
/// </remarks>
public sealed record LinkPredictionReport(int Queries, double MeanReciprocalRank, double HitsAt1, double HitsAt3, double HitsAt10, double MeanRank);
