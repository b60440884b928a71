using KnowRec.Data;

namespace KnowRec.Models;

/// <summary>A fitted recommendation model.</summary>
/// <remarks>Fitted models are immutable and thread-safe: one instance may serve many requests at once.</remarks>
public interface IRecommender
{
    /// <summary>The catalogue kind, e.g. <c>popularity</c>.</summary>
    string Kind { get; }

    /// <summary>Raw user ids the model was trained on.</summary>
    IdMap Users { get; }

    /// <summary>Raw item ids the model can recommend.</summary>
    IdMap Items { get; }

    /// <summary>Predicted preference of a user for an item; larger is better (a rating for rating models).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The user or item index is unknown.</exception>
    float Score(int user, int item);

    /// <summary>The best <paramref name="count"/> items for a user, best first; ties go to the lower item index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The user index is unknown or the count is negative.</exception>
    IReadOnlyList<ScoredItem> Recommend(int user, int count, RecommendOptions? options = null);

    /// <summary>Recommendations for many users at once (in parallel where it pays); equal to calling <see cref="Recommend"/> per user.</summary>
    IReadOnlyList<ScoredItem>[] RecommendMany(ReadOnlySpan<int> users, int count, RecommendOptions? options = null);

    /// <summary>Writes the fitted model in KnowRec's model file format.</summary>
    void Save(Stream destination);
}
