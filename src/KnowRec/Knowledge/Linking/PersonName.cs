using System.Text;

namespace KnowRec.Knowledge.Linking;

/// <summary>Normalises people's names so one person is one entity however a source spells the credit.</summary>
/// <remarks>
/// <see cref="Clean"/> gives a display form: parenthetical roles such as "(screenplay by)" removed, "Last, First"
/// turned to "First Last", whitespace collapsed. <see cref="Key"/> folds that with <see cref="TextKey.Fold"/>, so
/// "Kieślowski, Krzysztof (screenplay)" and "Krzysztof Kieslowski" share the key <c>krzysztof kieslowski</c>; periods
/// separate initials ("J.J. Abrams" and "J. J. Abrams" both give <c>j j abrams</c>). Thread-safe.
/// </remarks>
public static class PersonName
{
    /// <summary>The name without roles and with "Last, First" reordered; empty when nothing is left.</summary>
    public static string Clean(string credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        string name = CollapseSpaces(WithoutParentheses(credit));
        int comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma == name.LastIndexOf(',') && comma < name.Length - 1)
        {
            string last = name[..comma].Trim();
            string first = name[(comma + 1)..].Trim();

            // "Davis, Jr." is a suffix, not a first name.
            if (first.Length > 0 && !IsSuffix(first))
            {
                name = $"{first} {last}";
            }
        }

        return name;
    }

    /// <summary>The comparison key of a credit: <see cref="Clean"/> then <see cref="TextKey.Fold"/>.</summary>
    public static string Key(string credit) => TextKey.Fold(Clean(credit));

    /// <summary>
    /// How presentable a spelling is, to pick one display name among several with the same key: a spelling that keeps
    /// its accents beats one that lost them, and mixed case beats all capitals or all lower case.
    /// </summary>
    public static int Niceness(string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        int accents = spelling.Count(TextKey.IsAccented);
        bool upper = spelling.Any(char.IsUpper);
        bool lower = spelling.Any(char.IsLower);
        return (accents * 2) + (upper && lower ? 1 : 0);
    }

    /// <summary>Splits a list of credits on commas (or semicolons when present) outside parentheses, dropping empty and "N/A" entries.</summary>
    /// <remarks>
    /// Semicolons win so that a list of "Last, First" names can be written unambiguously. Without them, two
    /// single-word parts ("Kieślowski, Krzysztof (screenplay)") are read as one "Last, First" name, not two people.
    /// </remarks>
    /// <param name="list">The list as the source writes it.</param>
    /// <param name="people">True for lists of people's names, where two single-word parts are one "Last, First" name.</param>
    public static IReadOnlyList<string> SplitList(string list, bool people = true)
    {
        ArgumentNullException.ThrowIfNull(list);
        char separator = list.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var parts = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.Length; i++)
        {
            char c = i < list.Length ? list[i] : separator;
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            if (c == separator && depth == 0)
            {
                string part = list[start..i].Trim();
                if (part.Length > 0 && !part.Equals("N/A", StringComparison.OrdinalIgnoreCase))
                {
                    parts.Add(part);
                }

                start = i + 1;
            }
        }

        bool oneName = people && separator == ',' && parts.Count == 2 && parts.All(p => CollapseSpaces(WithoutParentheses(p)).Split(' ').Length == 1);
        return oneName ? [string.Join(", ", parts)] : parts;
    }

    private static bool IsSuffix(string word) =>
        word.TrimEnd('.').ToUpperInvariant() is "JR" or "SR" or "II" or "III" or "IV";

    private static string WithoutParentheses(string text)
    {
        var kept = new StringBuilder(text.Length);
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
