using System.Text;

namespace KnowRec.Knowledge.Generation;

/// <summary>What one user likes and dislikes, reasoned from their history by an LLM (KAR's preference reasoning, Xi et al. 2023, §3.1) or counted by rules.</summary>
/// <remarks>One line of <c>users.jsonl</c> in a <see cref="KnowledgeStore"/>.</remarks>
public sealed record UserPreferenceRecord
{
    /// <summary>The user's raw id.</summary>
    public required string User { get; init; }

    /// <summary>Who wrote it: <c>rules</c> or <c>llm:MODEL</c>.</summary>
    public string Source { get; init; } = "";

    /// <summary>Aspects the user likes (genres, people, themes).</summary>
    public IReadOnlyList<string> Liked { get; init; } = [];

    /// <summary>Aspects the user dislikes.</summary>
    public IReadOnlyList<string> Disliked { get; init; } = [];

    /// <summary>A sentence or two on the user's taste.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The record as plain sentences: likes, dislikes, summary.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        if (Liked.Count > 0)
        {
            ItemKnowledgeRecord.Sentence(text, "Likes: " + string.Join(", ", Liked));
        }

        if (Disliked.Count > 0)
        {
            ItemKnowledgeRecord.Sentence(text, "Dislikes: " + string.Join(", ", Disliked));
        }

        ItemKnowledgeRecord.Sentence(text, Summary);
        return text.ToString();
    }
}
