using System.Text;

namespace KnowRec.Knowledge.Generation;

/// <summary>Factual knowledge about one item, written by an LLM (KAR's factual knowledge, Xi et al. 2023, §3.1) or by <see cref="RuleKnowledgeExtractor"/>.</summary>
/// <remarks>One line of <c>items.jsonl</c> in a <see cref="KnowledgeStore"/>; <see cref="ToText"/> is what gets encoded into vectors.</remarks>
public sealed record ItemKnowledgeRecord
{
    /// <summary>The item's key (<see cref="Data.Dataset.KeyOf"/>), how records link back to item indices.</summary>
    public required string Item { get; init; }

    /// <summary>Display title.</summary>
    public string Title { get; init; } = "";

    /// <summary>Who wrote it: <c>rules</c> or <c>llm:MODEL</c>.</summary>
    public string Source { get; init; } = "";

    /// <summary>A few sentences on what the item is; may be empty for rule records of items without text.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Genre or category names.</summary>
    public IReadOnlyList<string> Genres { get; init; } = [];

    /// <summary>Themes, moods, topics or tags.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>People credited on the item.</summary>
    public IReadOnlyList<KnowledgePerson> People { get; init; } = [];

    /// <summary>Further facts as (relation, value).</summary>
    public IReadOnlyList<KnowledgeFact> Facts { get; init; } = [];

    /// <summary>The record as plain sentences, the same shape whoever wrote it: title, genres, people, facts, themes, summary.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        Sentence(text, Title);
        if (Genres.Count > 0)
        {
            Sentence(text, "Genres: " + string.Join(", ", Genres));
        }

        foreach (var role in People.GroupBy(p => p.Role, StringComparer.Ordinal))
        {
            Sentence(text, char.ToUpperInvariant(role.Key[0]) + role.Key[1..] + ": " + string.Join(", ", role.Select(p => p.Name)));
        }

        foreach (var fact in Facts)
        {
            Sentence(text, char.ToUpperInvariant(fact.Relation[0]) + fact.Relation[1..] + " " + fact.Value);
        }

        if (Themes.Count > 0)
        {
            Sentence(text, "Themes: " + string.Join(", ", Themes));
        }

        Sentence(text, Summary);
        return text.ToString();
    }

    internal static void Sentence(StringBuilder text, string sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(sentence);
        if (!sentence.EndsWith('.') && !sentence.EndsWith('!') && !sentence.EndsWith('?'))
        {
            text.Append('.');
        }
    }
}
