using System.Globalization;
using System.Text;
using KnowRec.Data;

namespace KnowRec.Knowledge.Generation;

/// <summary>
/// The two prompts of KAR (Xi et al. 2023, §3.1): factual knowledge about an item, and a user's preferences reasoned
/// from their rated history. Each asks for one JSON object whose shape <see cref="KnowledgeAnswers"/> checks.
/// </summary>
/// <remarks>
/// The prompt texts are part of the cache key through their version: change a prompt, bump its version, and cached
/// answers to the old prompt are no longer used. The text given for an item or user depends only on the dataset, so
/// the same input always hashes the same.
/// </remarks>
public static class KnowledgePrompts
{
    /// <summary>Version of the item prompt (cache key part).</summary>
    public const string ItemVersion = "item-knowledge/1";

    /// <summary>Version of the user prompt (cache key part).</summary>
    public const string UserVersion = "user-preference/1";

    /// <summary>System message of the item prompt.</summary>
    public const string ItemSystem =
        "You are a careful encyclopaedia. Given an item from a recommender catalogue, state factual knowledge about it that helps "
        + "recommend it: what it is, its genres, themes, the people behind it and other facts. Use only facts you are confident of. "
        + "Answer with one JSON object and nothing else, of the form "
        + "{\"summary\": \"two or three sentences\", \"genres\": [\"...\"], \"themes\": [\"...\"], "
        + "\"people\": [{\"role\": \"director|writer|actor|composer|...\", \"name\": \"...\"}], "
        + "\"facts\": [{\"relation\": \"e.g. released in, from country, based on, set in\", \"value\": \"...\"}]}.";

    /// <summary>System message of the user prompt.</summary>
    public const string UserSystem =
        "You analyse a user's taste from the items they rated (ratings out of the scale given). Reason about which aspects "
        + "(genres, themes, people, eras, styles) they like and dislike. Answer with one JSON object and nothing else, of the form "
        + "{\"liked\": [\"aspect\"], \"disliked\": [\"aspect\"], \"summary\": \"two or three sentences on their taste\"}.";

    /// <summary>The user message describing <paramref name="item"/>: title, year, genres, attributes, text.</summary>
    public static string ItemPrompt(Dataset data, int item)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)data.Items.Count, nameof(item));
        var metadata = item < data.ItemMetadata.Count ? data.ItemMetadata[item] : null;
        var text = new StringBuilder();
        text.Append("Title: ").Append(data.TitleOf(item)).Append('\n');
        if (metadata?.Year is { } year)
        {
            text.Append("Year: ").Append(year.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (metadata is { Genres.Count: > 0 })
        {
            text.Append("Genres: ").Append(string.Join(", ", metadata.Genres)).Append('\n');
        }

        foreach (var (name, value) in (metadata?.Attributes ?? new Dictionary<string, string>()).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (name != ItemMetadata.SourceIdAttribute && value.Length > 0)
            {
                text.Append(char.ToUpperInvariant(name[0])).Append(name.AsSpan(1)).Append(": ").Append(value).Append('\n');
            }
        }

        if (metadata?.Text is { Length: > 0 } description)
        {
            text.Append("Description: ").Append(description).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The user message listing up to <paramref name="maxHistory"/> of <paramref name="user"/>'s items, latest first (highest rated first without timestamps).</summary>
    public static string UserPrompt(Dataset data, int user, int maxHistory = 50)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)data.Users.Count, nameof(user));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHistory, 1);
        var history = UserHistory.Of(data, user, maxHistory);
        var text = new StringBuilder();
        text.Append(data.RatingScale is { } scale
            ? string.Create(CultureInfo.InvariantCulture, $"Ratings run from {scale.Min:0.#} to {scale.Max:0.#}.\n")
            : "Interactions are implicit: every listed item was chosen by the user.\n");
        text.Append("Items:\n");
        foreach (var (item, value) in history)
        {
            var metadata = item < data.ItemMetadata.Count ? data.ItemMetadata[item] : null;
            text.Append("- ").Append(data.TitleOf(item));
            if (metadata is { Genres.Count: > 0 })
            {
                text.Append(" [").Append(string.Join(", ", metadata.Genres)).Append(']');
            }

            if (data.RatingScale is not null)
            {
                text.Append(": ").Append(value.ToString("0.#", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
