namespace KnowRec.Training;

/// <summary>Writes the score of every item for each of <paramref name="users"/>: row j of <paramref name="scores"/> (length Items) belongs to users[j].</summary>
/// <param name="users">User indices of the batch.</param>
/// <param name="scores">users.Length × Items scores, row-major, to be overwritten; higher ranks first.</param>
/// <remarks>A model scores a batch at once, e.g. one matrix product of user and item embeddings.</remarks>
public delegate void BatchScorer(ReadOnlySpan<int> users, Span<float> scores);
