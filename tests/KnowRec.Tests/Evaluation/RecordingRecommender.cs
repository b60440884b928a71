using System.Collections.Concurrent;
using KnowRec.Data;
using KnowRec.Models;

namespace KnowRec.Tests.Evaluation;

/// <summary>Passes every call to an inner model and records the candidate lists it was asked to rank.</summary>
internal sealed class RecordingRecommender(IRecommender inner) : IRecommender
{
    public ConcurrentBag<(int User, int[] Candidates)> CandidateRequests { get; } = [];

    public string Kind => inner.Kind;

    public IdMap Users => inner.Users;

    public IdMap Items => inner.Items;

    public float Score(int user, int item) => inner.Score(user, item);

    public IReadOnlyList<ScoredItem> Recommend(int user, int count, RecommendOptions? options = null)
    {
        if (options?.Candidates is { } candidates)
        {
            CandidateRequests.Add((user, [.. candidates]));
        }

        return inner.Recommend(user, count, options);
    }

    public IReadOnlyList<ScoredItem>[] RecommendMany(ReadOnlySpan<int> users, int count, RecommendOptions? options = null) =>
        inner.RecommendMany(users, count, options);

    public void Save(Stream destination) => inner.Save(destination);
}
