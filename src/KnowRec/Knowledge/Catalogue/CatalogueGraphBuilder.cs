using System.Globalization;
using KnowRec.Data;
using KnowRec.Knowledge.Linking;
using R = KnowRec.Knowledge.Catalogue.CatalogueRelations;

namespace KnowRec.Knowledge.Catalogue;

/// <summary>Builds a knowledge graph from a dataset's own item metadata: no hand-made files.</summary>
/// <remarks>
/// Every item becomes entity <c>item:KEY</c> (KEY = <see cref="Dataset.KeyOf"/>, named by its title) and is linked.
/// Facts, each a typed entity shared by all items that have it:
/// genres (<c>has genre</c> → <c>genre:…</c>); year and decade (<c>released in</c> → <c>year:1995</c>,
/// <c>released in decade</c> → <c>decade:1990s</c>); the attributes <c>director</c>, <c>writer</c>, <c>actors</c>
/// (<c>directed by</c>, <c>written by</c>, <c>stars</c> → <c>person:…</c>), <c>rated</c> (→ <c>rating:…</c>),
/// <c>country</c>, <c>language</c>, <c>categories</c>/<c>category</c>, <c>brand</c>; user tags from
/// <see cref="CatalogueGraphOptions.Tags"/> (<c>tagged</c> → <c>tag:…</c>). Names are keyed by
/// <see cref="PersonName.Key"/> or <see cref="TextKey.Fold"/>, so "Kieślowski, Krzysztof (screenplay)" and
/// "Krzysztof Kieslowski" are one <c>person:krzysztof kieslowski</c>, displayed by the nicest spelling seen
/// (<see cref="PersonName.Niceness"/>). Attribute lists split on commas outside parentheses (semicolons when present).
/// When tags are given, a genre that is also one of the item's tags (before the tag filters) is left to <c>tagged</c>
/// (the HetRec Last.FM reader's genres are its top tags). The year is <see cref="ItemMetadata.Year"/> (readers take it
/// from the title or the release date). Item entities come first, in item order; the result is deterministic.
/// </remarks>
public static class CatalogueGraphBuilder
{
    private static readonly (string[] Attributes, string Relation, string Prefix, bool People)[] AttributeFacts =
    [
        (["director"], R.DirectedBy, "person", true),
        (["writer"], R.WrittenBy, "person", true),
        (["actors", "actor", "cast"], R.Stars, "person", true),
        (["rated"], R.Rated, "rating", false),
        (["country"], R.FromCountry, "country", false),
        (["language"], R.InLanguage, "language", false),
        (["categories", "category"], R.InCategory, "category", false),
        (["brand"], R.MadeBy, "brand", false),
    ];

    /// <summary>The graph of <paramref name="data"/>'s catalogue, named <c>NAME-catalogue</c>.</summary>
    public static KnowledgeGraph Build(Dataset data, CatalogueGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CatalogueGraphOptions();
        options.Validate();
        var facts = new Facts();
        var tags = TagsByItem(options);
        var anyTags = (options.Tags ?? []).Select(t => (t.ItemKey, TextKey.Fold(t.Tag))).ToHashSet();
        for (int item = 0; item < data.Items.Count; item++)
        {
            string key = data.KeyOf(item);
            var metadata = item < data.ItemMetadata.Count ? data.ItemMetadata[item] : null;
            string head = facts.Item(key, metadata?.Title ?? key);
            var itemTags = tags.GetValueOrDefault(key);
            foreach (var (tagKey, tag) in itemTags ?? [])
            {
                facts.Add(head, R.Tagged, $"tag:{tagKey}", tag);
            }

            if (metadata is null)
            {
                continue;
            }

            foreach (string genre in metadata.Genres)
            {
                string genreKey = TextKey.Fold(genre);
                if (genreKey.Length > 0 && !anyTags.Contains((key, genreKey)))
                {
                    facts.Add(head, R.HasGenre, $"genre:{genreKey}", genre);
                }
            }

            if (metadata.Year is { } year)
            {
                string decade = (year / 10 * 10).ToString(CultureInfo.InvariantCulture) + "s";
                facts.Add(head, R.ReleasedIn, $"year:{year.ToString(CultureInfo.InvariantCulture)}", year.ToString(CultureInfo.InvariantCulture));
                facts.Add(head, R.ReleasedInDecade, $"decade:{decade}", decade);
            }

            foreach (var (attributes, relation, prefix, people) in AttributeFacts)
            {
                foreach (string attribute in attributes)
                {
                    if (!metadata.Attributes.TryGetValue(attribute, out string? value))
                    {
                        continue;
                    }

                    foreach (string part in PersonName.SplitList(value, people))
                    {
                        string name = people ? PersonName.Clean(part) : part;
                        string partKey = people ? PersonName.Key(part) : TextKey.Fold(part);
                        if (partKey.Length > 0)
                        {
                            facts.Add(head, relation, $"{prefix}:{partKey}", name);
                        }
                    }
                }
            }
        }

        return facts.Build($"{data.Name}-catalogue");
    }

    // Tag key → first spelling, per item, for tags applied often enough to items and shared by enough items.
    private static Dictionary<string, List<(string Key, string Tag)>> TagsByItem(CatalogueGraphOptions options)
    {
        var kept = (options.Tags ?? []).Where(t => t.Count >= options.MinTagCount)
            .Select(t => (t.ItemKey, Key: TextKey.Fold(t.Tag), t.Tag))
            .Where(t => t.Key.Length > 0)
            .ToList();
        var reach = kept.GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.ItemKey).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var byItem = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var (item, key, tag) in kept)
        {
            if (reach[key] >= options.MinTagItems)
            {
                (byItem.TryGetValue(item, out var list) ? list : byItem[item] = []).Add((key, tag));
            }
        }

        return byItem;
    }

    // Collects facts and the nicest spelling per entity, then builds with items first and names settled.
    private sealed class Facts
    {
        private readonly List<string> _order = [];
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly List<(string Head, string Relation, string Tail)> _triples = [];
        private readonly List<(string Key, string Entity)> _links = [];

        public string Item(string key, string title)
        {
            string id = $"item:{key}";
            _names[id] = title;
            _links.Add((key, id));
            return id;
        }

        public void Add(string head, string relation, string tail, string name)
        {
            Name(tail, name);
            _triples.Add((head, relation, tail));
        }

        public KnowledgeGraph Build(string name)
        {
            var builder = new KnowledgeGraphBuilder();
            foreach (var (_, entity) in _links)
            {
                builder.Entity(entity, _names[entity]);
            }

            foreach (string id in _order)
            {
                builder.Entity(id, _names[id]);
            }

            foreach (var (key, entity) in _links)
            {
                builder.Link(key, entity);
            }

            foreach (var (head, relation, tail) in _triples)
            {
                builder.Add(head, relation, tail);
            }

            return builder.Build(name);
        }

        private void Name(string id, string spelling)
        {
            if (!_names.TryGetValue(id, out string? current))
            {
                _order.Add(id);
                _names[id] = spelling;
            }
            else if (PersonName.Niceness(spelling) > PersonName.Niceness(current))
            {
                _names[id] = spelling;
            }
        }
    }
}
