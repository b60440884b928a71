using System.Globalization;
using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge.Linking;
using R = KnowRec.Knowledge.Catalogue.CatalogueRelations;

namespace KnowRec.Knowledge.Generation;

/// <summary>
/// Knowledge without a language model: structured item text (director, writer, cast, rated, country, language,
/// categories, brand), genres, year and user tags become the same <see cref="ItemKnowledgeRecord"/>s an LLM would write,
/// and rating statistics over genres and directors become <see cref="UserPreferenceRecord"/>s.
/// </summary>
/// <remarks>
/// Deterministic and offline. Lists split like <see cref="Catalogue.CatalogueGraphBuilder"/> does
/// (<see cref="PersonName.SplitList"/>), names are cleaned by <see cref="PersonName.Clean"/> and repeats folded by
/// <see cref="PersonName.Key"/>, so the triples match the <c>auto</c> catalogue graph's entities.
/// </remarks>
public static class RuleKnowledgeExtractor
{
    /// <summary>The <see cref="ItemKnowledgeRecord.Source"/> of rule records.</summary>
    public const string Source = "rules";

    private static readonly (string[] Attributes, string Role)[] PeopleAttributes =
    [
        (["director"], "director"),
        (["writer"], "writer"),
        (["actors", "actor", "cast"], "actor"),
    ];

    private static readonly (string[] Attributes, string Relation)[] FactAttributes =
    [
        (["rated"], R.Rated),
        (["country"], R.FromCountry),
        (["language"], R.InLanguage),
        (["categories", "category"], R.InCategory),
        (["brand"], R.MadeBy),
    ];

    /// <summary>One record per item that has metadata, in item order; <paramref name="tags"/> (by item key) become themes.</summary>
    public static IReadOnlyList<ItemKnowledgeRecord> Items(Dataset data, IReadOnlyList<ItemTag>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tagsByItem = (tags ?? []).GroupBy(t => t.ItemKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal).Select(t => t.Tag).ToList(), StringComparer.Ordinal);
        var records = new List<ItemKnowledgeRecord>();
        for (int item = 0; item < data.Items.Count; item++)
        {
            if (item < data.ItemMetadata.Count && data.ItemMetadata[item] is { } metadata)
            {
                records.Add(Item(data.KeyOf(item), data.TitleOf(item), metadata, tagsByItem.GetValueOrDefault(data.KeyOf(item)) ?? []));
            }
        }

        return records;
    }

    /// <summary>The record of one item from its metadata and tags.</summary>
    public static ItemKnowledgeRecord Item(string key, string title, ItemMetadata metadata, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(tags);
        var people = new List<KnowledgePerson>();
        foreach (var (attributes, role) in PeopleAttributes)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string part in Values(metadata, attributes, people: true))
            {
                if (PersonName.Key(part) is { Length: > 0 } personKey && seen.Add(personKey))
                {
                    people.Add(new KnowledgePerson(role, PersonName.Clean(part)));
                }
            }
        }

        var facts = new List<KnowledgeFact>();
        if (metadata.Year is { } year)
        {
            facts.Add(new KnowledgeFact(R.ReleasedIn, year.ToString(CultureInfo.InvariantCulture)));
            facts.Add(new KnowledgeFact(R.ReleasedInDecade, (year / 10 * 10).ToString(CultureInfo.InvariantCulture) + "s"));
        }

        foreach (var (attributes, relation) in FactAttributes)
        {
            facts.AddRange(Values(metadata, attributes, people: false).Where(v => TextKey.Fold(v).Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Select(v => new KnowledgeFact(relation, v)));
        }

        var genreKeys = metadata.Genres.Select(TextKey.Fold).ToHashSet(StringComparer.Ordinal);
        return new ItemKnowledgeRecord
        {
            Item = key,
            Title = title,
            Source = Source,
            Summary = FirstSentences(metadata.Text ?? "", 2, 400),
            Genres = [.. metadata.Genres],
            Themes = [.. tags.Where(t => !genreKeys.Contains(TextKey.Fold(t))).Distinct(StringComparer.OrdinalIgnoreCase).Take(10)],
            People = people,
            Facts = facts,
        };
    }

    /// <summary>The first <paramref name="count"/> sentences of <paramref name="text"/>, cut at a word before <paramref name="maxLength"/> characters.</summary>
    internal static string FirstSentences(string text, int count, int maxLength)
    {
        text = text.Trim();
        int end = 0;
        for (int found = 0; found < count && end < text.Length; found++)
        {
            int stop = text.IndexOfAny(['.', '!', '?'], end);
            end = stop < 0 ? text.Length : stop + 1;
        }

        string cut = text[..end];
        if (cut.Length > maxLength)
        {
            int space = cut.LastIndexOf(' ', maxLength);
            cut = cut[..(space > 0 ? space : maxLength)] + "…";
        }

        return cut;
    }

    private static IEnumerable<string> Values(ItemMetadata metadata, string[] attributes, bool people) =>
        attributes.Where(metadata.Attributes.ContainsKey).SelectMany(a => PersonName.SplitList(metadata.Attributes[a], people)).Select(v => v.Trim()).Where(v => v.Length > 0);
}
