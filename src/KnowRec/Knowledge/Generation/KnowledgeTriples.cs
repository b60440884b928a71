using System.Text.RegularExpressions;
using KnowRec.Knowledge.Linking;
using R = KnowRec.Knowledge.Catalogue.CatalogueRelations;

namespace KnowRec.Knowledge.Generation;

/// <summary>Turns knowledge records into a <see cref="KnowledgeGraph"/>: every genre, theme, person and fact becomes a triple from the item's entity.</summary>
/// <remarks>
/// Item KEY is entity <c>item:KEY</c>, linked to key KEY (<see cref="Data.Dataset.KeyOf"/>). Entity ids follow
/// <see cref="Catalogue.CatalogueGraphBuilder"/> so graphs from rules, an LLM and the catalogue share entities:
/// <c>genre:…</c>, <c>person:…</c> (directed by / written by / stars; other roles keep their role as the relation),
/// <c>year:…</c>, <c>decade:…</c>, <c>rating:…</c>, <c>country:…</c>, <c>language:…</c>, <c>category:…</c>,
/// <c>brand:…</c>; themes are <c>theme:…</c> (<c>has theme</c>) and other facts <c>value:…</c>. Names are keyed by
/// <see cref="PersonName.Key"/> or <see cref="TextKey.Fold"/> and displayed by their nicest spelling. Deterministic:
/// items first in record order, then other entities as first seen.
/// </remarks>
public static partial class KnowledgeTriples
{
    /// <summary>Item → theme.</summary>
    public const string HasTheme = "has theme";

    private static readonly Dictionary<string, string> FactPrefixes = new(StringComparer.Ordinal)
    {
        [R.ReleasedIn] = "year",
        [R.ReleasedInDecade] = "decade",
        [R.Rated] = "rating",
        [R.FromCountry] = "country",
        [R.InLanguage] = "language",
        [R.InCategory] = "category",
        [R.MadeBy] = "brand",
    };

    /// <summary>The graph of <paramref name="records"/>, called <paramref name="name"/>.</summary>
    public static KnowledgeGraph Build(string name, IEnumerable<ItemKnowledgeRecord> records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(records);
        var items = new List<(string Key, string Entity, string Title)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        var triples = new List<(string, string, string)>();
        void Add(string head, string relation, string tail, string spelling)
        {
            if (!names.TryGetValue(tail, out string? current))
            {
                order.Add(tail);
                names[tail] = spelling;
            }
            else if (PersonName.Niceness(spelling) > PersonName.Niceness(current))
            {
                names[tail] = spelling;
            }

            triples.Add((head, relation, tail));
        }

        foreach (var record in records)
        {
            string head = $"item:{record.Item}";
            items.Add((record.Item, head, record.Title.Length > 0 ? record.Title : record.Item));
            foreach (string genre in record.Genres)
            {
                Keyed(TextKey.Fold(genre), k => Add(head, R.HasGenre, $"genre:{k}", genre));
            }

            foreach (string theme in record.Themes)
            {
                Keyed(TextKey.Fold(theme), k => Add(head, HasTheme, $"theme:{k}", theme));
            }

            foreach (var person in record.People)
            {
                Keyed(PersonName.Key(person.Name), k => Add(head, RoleRelation(person.Role), $"person:{k}", PersonName.Clean(person.Name)));
            }

            foreach (var fact in record.Facts)
            {
                string relation = Relation(fact.Relation);
                string prefix = FactPrefixes.GetValueOrDefault(relation, "value");
                Keyed(TextKey.Fold(fact.Value), k => Add(head, relation, $"{prefix}:{k}", fact.Value.Trim()));
            }
        }

        var builder = new KnowledgeGraphBuilder();
        foreach (var (_, entity, title) in items)
        {
            builder.Entity(entity, title);
        }

        foreach (string entity in order)
        {
            builder.Entity(entity, names[entity]);
        }

        foreach (var (key, entity, _) in items)
        {
            builder.Link(key, entity);
        }

        foreach (var (head, relation, tail) in triples)
        {
            builder.Add(head, relation, tail);
        }

        return builder.Build(name);
    }

    /// <summary>The relation a credited role becomes: the catalogue's for directors, writers and actors, else the role itself.</summary>
    public static string RoleRelation(string role) => Relation(role) switch
    {
        "director" or "directed by" => R.DirectedBy,
        "writer" or "screenwriter" or "screenplay" or "written by" => R.WrittenBy,
        "actor" or "actress" or "cast" or "star" or "stars" => R.Stars,
        var other => other,
    };

    // Lower case, single spaces, at most 60 characters: model-written relations vary in case and spacing.
    private static string Relation(string text)
    {
        string relation = Spaces().Replace(text.Trim().ToLowerInvariant(), " ");
        return relation.Length > 60 ? relation[..60].TrimEnd() : relation;
    }

    private static void Keyed(string key, Action<string> add)
    {
        if (key.Length > 0)
        {
            add(key);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
