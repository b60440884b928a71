using System.Globalization;
using KnowRec.Data;
using KnowRec.Knowledge.Linking;

namespace KnowRec.Knowledge.Generation;

/// <summary>User preferences without a language model: the genres and directors a user rates above or below their own mean.</summary>
/// <remarks>
/// For explicit feedback an aspect's score is Σ (r − r̄ᵤ) over the user's items that have it; liked aspects are the
/// three highest positive scores, disliked the two lowest negative ones seen on at least two items. Implicit feedback
/// has no dislikes: liked aspects are the three most frequent. Deterministic (ties by name).
/// </remarks>
public static class RulePreferenceExtractor
{
    /// <summary>One record per user with history, for <paramref name="users"/> (every user when null).</summary>
    public static IReadOnlyList<UserPreferenceRecord> Users(Dataset data, IReadOnlyList<int>? users = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var records = new List<UserPreferenceRecord>();
        foreach (int user in users ?? Enumerable.Range(0, data.Users.Count).ToList())
        {
            var history = UserHistory.Of(data, user, int.MaxValue);
            if (history.Count == 0)
            {
                continue;
            }

            bool explicitFeedback = data.RatingScale is not null;
            float mean = explicitFeedback ? history.Average(h => h.Value) : 0f;
            var scores = new Dictionary<string, (double Score, int Count)>(StringComparer.Ordinal);
            foreach (var (item, value) in history)
            {
                double weight = explicitFeedback ? value - mean : 1.0;
                foreach (string aspect in Aspects(data, item))
                {
                    var (score, count) = scores.GetValueOrDefault(aspect);
                    scores[aspect] = (score + weight, count + 1);
                }
            }

            var liked = scores.Where(s => s.Value.Score > 0).OrderByDescending(s => s.Value.Score).ThenBy(s => s.Key, StringComparer.Ordinal).Take(3).Select(s => s.Key).ToList();
            var disliked = scores.Where(s => s.Value.Score < 0 && s.Value.Count >= 2).OrderBy(s => s.Value.Score).ThenBy(s => s.Key, StringComparer.Ordinal).Take(2).Select(s => s.Key).ToList();
            string summary = explicitFeedback
                ? string.Create(CultureInfo.InvariantCulture, $"Rated {history.Count} items, {mean:0.0} on average.")
                : string.Create(CultureInfo.InvariantCulture, $"Chose {history.Count} items.");
            records.Add(new UserPreferenceRecord { User = data.Users[user], Source = RuleKnowledgeExtractor.Source, Liked = liked, Disliked = disliked, Summary = summary });
        }

        return records;
    }

    // Genres as named, directors as "director NAME" so they read well in a sentence.
    private static IEnumerable<string> Aspects(Dataset data, int item)
    {
        if (item >= data.ItemMetadata.Count || data.ItemMetadata[item] is not { } metadata)
        {
            yield break;
        }

        foreach (string genre in metadata.Genres)
        {
            yield return genre;
        }

        if (metadata.Attributes.TryGetValue("director", out string? directors))
        {
            foreach (string director in PersonName.SplitList(directors))
            {
                yield return "director " + PersonName.Clean(director);
            }
        }
    }
}
