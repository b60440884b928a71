using System.Globalization;
using System.Text.Json;

namespace KnowRec.Knowledge.Generation;

/// <summary>Parses and checks the JSON answers to <see cref="KnowledgePrompts"/>; a bad answer yields a reason fit to send back to the model.</summary>
/// <remarks>
/// Models often wrap JSON in a Markdown fence or a sentence: the outermost <c>{…}</c> is taken. Strings are trimmed,
/// roles and relations lower-cased, repeats dropped. Fields not in the schema are ignored.
/// </remarks>
public static class KnowledgeAnswers
{
    /// <summary>Most entries kept per list, so a rambling answer cannot flood the graph.</summary>
    public const int MaxListLength = 40;

    /// <summary>Parses an item answer; on failure <paramref name="error"/> says what is wrong and the result is null.</summary>
    public static ItemKnowledgeRecord? ParseItem(string answer, string item, string title, string source, out string error)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            using var document = Parse(answer);
            var root = document.RootElement;
            var people = Objects(root, "people", "role", "name").Select(p => new KnowledgePerson(p.A.ToLowerInvariant(), p.B));
            var facts = Objects(root, "facts", "relation", "value").Select(f => new KnowledgeFact(f.A.ToLowerInvariant(), f.B));
            error = "";
            return new ItemKnowledgeRecord
            {
                Item = item,
                Title = title,
                Source = source,
                Summary = RequiredString(root, "summary"),
                Genres = Strings(root, "genres"),
                Themes = Strings(root, "themes"),
                People = [.. people.Distinct().Take(MaxListLength)],
                Facts = [.. facts.Distinct().Take(MaxListLength)],
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>Parses a user answer; on failure <paramref name="error"/> says what is wrong and the result is null.</summary>
    public static UserPreferenceRecord? ParseUser(string answer, string user, string source, out string error)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            using var document = Parse(answer);
            var root = document.RootElement;
            error = "";
            return new UserPreferenceRecord
            {
                User = user,
                Source = source,
                Liked = Strings(root, "liked"),
                Disliked = Strings(root, "disliked"),
                Summary = RequiredString(root, "summary"),
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static JsonDocument Parse(string answer)
    {
        int start = answer.IndexOf('{', StringComparison.Ordinal);
        int end = answer.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            throw new FormatException("The answer holds no JSON object.");
        }

        try
        {
            return JsonDocument.Parse(answer.AsMemory(start, end - start + 1));
        }
        catch (JsonException e)
        {
            throw new FormatException($"The answer is not valid JSON: {e.Message}");
        }
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text
            ? text
            : throw new FormatException($"Field '{name}' must be a non-empty string.");

    private static List<string> Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Field '{name}' must be a list of strings.");
        }

        var values = new List<string>();
        int index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            values.Add(Text(entry, $"{name}[{index++}]"));
        }

        return [.. values.Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxListLength)];
    }

    private static List<(string A, string B)> Objects(JsonElement root, string name, string first, string second)
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Field '{name}' must be a list of {{\"{first}\": …, \"{second}\": …}} objects.");
        }

        var values = new List<(string, string)>();
        int index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            string at = $"{name}[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty(first, out var a) || !entry.TryGetProperty(second, out var b))
            {
                throw new FormatException($"Field '{at}' must be an object with '{first}' and '{second}'.");
            }

            string textA = Text(a, $"{at}.{first}");
            string textB = Text(b, $"{at}.{second}");
            if (textA.Length == 0 || textB.Length == 0)
            {
                throw new FormatException($"Field '{at}' has an empty '{(textA.Length == 0 ? first : second)}'.");
            }

            values.Add((textA, textB));
        }

        return values;
    }

    // Numbers are accepted as text: models write {"relation": "released in", "value": 1995}.
    private static string Text(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Field '{at}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}."),
    };
}
