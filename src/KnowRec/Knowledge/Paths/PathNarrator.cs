using System.Globalization;
using System.Text;
using KnowRec.Data;

namespace KnowRec.Knowledge.Paths;

/// <summary>Says a <see cref="KnowledgePath"/> in English: "You rated Heat (1995) highly; it was directed by Michael Mann, who also directed Collateral (2004)."</summary>
/// <remarks>
/// Entities are named by <see cref="KnowledgeGraph.NameOf"/>, else, for an item's entity, by the dataset's title.
/// An entity with neither is never shown as a bare id: a two-hop path through it reads "it shares a director with …"
/// when both items relate to it the same way, and otherwise it is written "someone (m.0abc)" or "an entity (4021)".
/// Relations are phrased by <see cref="RelationPhrases"/>. Immutable and thread-safe.
/// </remarks>
public sealed class PathNarrator
{
    private readonly Dataset _data;
    private readonly ItemKnowledge _knowledge;
    private readonly RelationPhrase[] _phrases;

    /// <summary>A narrator for paths over the graph attached to <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The dataset has no graph attached.</exception>
    public PathNarrator(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _knowledge = data.Knowledge ?? throw new ArgumentException($"Dataset {data.Name} has no knowledge graph attached.", nameof(data));
        _phrases = [.. _knowledge.Graph.Relations.Ids.Select(RelationPhrases.For)];
    }

    /// <summary>One sentence for the path, capitalised and ending in a full stop.</summary>
    public string Describe(KnowledgePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Hops.Count == 0)
        {
            throw new ArgumentException("A path needs at least one knowledge hop.", nameof(path));
        }

        string sentence = $"{HistoryClause(path.HistoryItem, path.HistoryValue)}; {Chain(path.Hops, ItemLabel(path.Item))}.";
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    /// <summary>A readable name for an entity: the graph's name, the title of the item it stands for, or null.</summary>
    public string? NameOf(int entity)
    {
        int item = _knowledge.ItemOf(entity);
        if (item >= 0 && TitleOf(item) is { } title)
        {
            return title;
        }

        return _knowledge.Graph.NameOf(entity) is { Length: > 0 } name ? name : null;
    }

    /// <summary>An item's title, or "item ID" when the catalogue has no title for it.</summary>
    public string ItemLabel(int item) => TitleOf(item) ?? $"item {_data.Items[item]}";

    private string? TitleOf(int item) =>
        item < _data.ItemMetadata.Count && _data.ItemMetadata[item]?.Title is { Length: > 0 } title ? title : null;

    private string HistoryClause(int item, float value)
    {
        string name = ItemLabel(item);
        if (_data.Feedback != FeedbackKind.Explicit)
        {
            return $"you liked {name}";
        }

        string rating = value.ToString("0.#", CultureInfo.InvariantCulture);
        if (_data.RatingScale is not { } scale || !(scale.Max > scale.Min))
        {
            return $"you rated {name} {rating}";
        }

        return (value - scale.Min) / (scale.Max - scale.Min) >= 0.75f
            ? $"you rated {name} highly"
            : $"you rated {name} {rating}/{scale.Max.ToString("0.#", CultureInfo.InvariantCulture)}";
    }

    private string Chain(IReadOnlyList<PathHop> hops, string item)
    {
        var first = hops[0];
        var firstPhrase = _phrases[first.Relation];
        if (hops.Count == 1)
        {
            return $"it {firstPhrase.Verb(first.Forward)} {item}";
        }

        if (hops.Count == 2 && NameOf(first.To) is null)
        {
            // An unnamed entity both items relate to in the same way: name the role, not the id.
            var last = hops[1];
            string? role = firstPhrase.RoleOfEnd(first.Forward);
            if (role is not null && role == _phrases[last.Relation].RoleOfStart(last.Forward))
            {
                return $"it shares {Article(role)} {role} with {item}";
            }
        }

        var text = new StringBuilder();
        text.Append("it ").Append(firstPhrase.Verb(first.Forward)).Append(' ')
            .Append(Label(first.To, firstPhrase.KindOfEnd(first.Forward), firstPhrase.EndIsPerson(first.Forward), firstPhrase.Verb(first.Forward)));
        for (int j = 1; j < hops.Count; j++)
        {
            var hop = hops[j];
            var phrase = _phrases[hop.Relation];
            bool person = phrase.StartIsPerson(hop.Forward) || _phrases[hops[j - 1].Relation].EndIsPerson(hops[j - 1].Forward);
            string verb = phrase.Verb(hop.Forward);
            text.Append(person ? ", who " : ", which ")
                .Append(hops.Count == 2 ? Also(verb) : verb).Append(' ')
                .Append(j == hops.Count - 1 ? item : Label(hop.To, phrase.KindOfEnd(hop.Forward), phrase.EndIsPerson(hop.Forward), verb));
        }

        return text.ToString();
    }

    /// <summary>The entity's name; else a label that says it has none: "someone (m.0abc)", "a genre (4021)", or "(C1)" after a verb that already names the role.</summary>
    private string Label(int entity, string? kind, bool person, string verb)
    {
        if (NameOf(entity) is { } name)
        {
            return name;
        }

        if (_knowledge.ItemOf(entity) is >= 0 and int item)
        {
            return ItemLabel(item);
        }

        string id = _knowledge.Graph.Entities[entity];
        if (person)
        {
            return $"someone ({id})";
        }

        if (kind is null)
        {
            return $"an entity ({id})";
        }

        return verb.EndsWith(" " + kind, StringComparison.Ordinal) ? $"({id})" : $"{Article(kind)} {kind} ({id})";
    }

    /// <summary>"also" after a form of "be" ("is also the genre of"), before any other verb ("also directed").</summary>
    private static string Also(string verb)
    {
        int space = verb.IndexOf(' ', StringComparison.Ordinal);
        string head = space < 0 ? verb : verb[..space];
        return head is "is" or "was" or "are" or "were"
            ? $"{head} also{verb[head.Length..]}"
            : $"also {verb}";
    }

    private static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";
}
