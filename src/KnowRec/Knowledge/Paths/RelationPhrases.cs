namespace KnowRec.Knowledge.Paths;

/// <summary>English phrasing of knowledge-graph relations: a table for the shipped graphs' and catalogue relations, and a fallback.</summary>
/// <remarks>
/// Freebase and Satori names read <c>domain.type.property</c>: the head is of <c>type</c> and the tail is the
/// property's value (<c>film.film.director</c>: film → its director; <c>film.director.film</c>: director → a film).
/// A name missing from the table becomes words from its last dotted segment (underscores → spaces): a noun
/// ("award_nomination" → "has the award nomination" / "is the award nomination of"), or, when it already ends in a
/// preposition ("set in"), a verb phrase ("is set in" / "is linked to").
/// </remarks>
public static class RelationPhrases
{
    private static readonly Dictionary<string, RelationPhrase> Table = Build();

    /// <summary>The phrasing of a relation name; never null.</summary>
    public static RelationPhrase For(string relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return Table.TryGetValue(relation.Trim(), out var phrase) ? phrase : Fallback(relation);
    }

    /// <summary>Whether <paramref name="relation"/> has a hand-written entry (rather than the fallback).</summary>
    public static bool IsKnown(string relation) => relation is not null && Table.ContainsKey(relation.Trim());

    /// <summary>Readable words for any relation name: its last dotted segment with underscores as spaces.</summary>
    public static string Words(string relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        string last = relation.Trim().TrimEnd('.');
        int dot = last.LastIndexOf('.');
        string words = (dot >= 0 ? last[(dot + 1)..] : last).Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? "related" : string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    private static readonly string[] Prepositions = ["by", "in", "of", "on", "at", "from", "with", "for", "to", "as", "about"];

    private static RelationPhrase Fallback(string relation)
    {
        string words = Words(relation);
        string last = words[(words.LastIndexOf(' ') + 1)..];
        if (Array.IndexOf(Prepositions, last) >= 0)
        {
            string verb = words.StartsWith("is ", StringComparison.Ordinal) || words.StartsWith("was ", StringComparison.Ordinal) ? words : "is " + words;
            return new RelationPhrase(verb, "is linked to", null, null);
        }

        string noun = words.StartsWith("has ", StringComparison.Ordinal) ? words[4..] : words;
        return new RelationPhrase($"has the {noun}", $"is the {noun} of", null, noun);
    }

    private static Dictionary<string, RelationPhrase> Build()
    {
        var table = new Dictionary<string, RelationPhrase>(StringComparer.Ordinal);

        // Item → attribute relations; the inverse names (attribute → item) are added from the same line.
        void Film(string[] names, string[] inverseNames, string forward, string backward, string role, bool person = false, string? kind = null)
        {
            var phrase = new RelationPhrase(forward, backward, "film", role, TailIsPerson: person, TailKind: kind);
            foreach (string n in names)
            {
                table[n] = phrase;
            }

            foreach (string n in inverseNames)
            {
                table[n] = phrase.Inverse();
            }
        }

        Film(["film.film.director", "film.film.directed_by", "directed by"], ["film.director.film", "directed"], "was directed by", "directed", "director", person: true);
        Film(["film.film.writer", "film.film.written_by", "written by"], ["film.writer.film", "wrote"], "was written by", "wrote", "writer", person: true);
        Film(["film.film.star", "film.film.actor", "film.film.starring", "stars", "starring"], ["film.actor.film", "film.person_or_entity_appearing_in_film.film", "acted in", "stars in"], "stars", "appears in", "actor", person: true);
        Film(["film.film.produced_by", "film.film.producer", "produced by"], ["film.producer.film", "produced"], "was produced by", "produced", "producer", person: true);
        Film(["film.film.executive_producer"], ["film.producer.films_executive_produced"], "was executive-produced by", "executive-produced", "executive producer", person: true);
        Film(["film.film.cinematography", "film.film.cinematographer"], ["film.cinematographer.film"], "was shot by", "shot", "cinematographer", person: true);
        Film(["film.film.editor", "film.film.edited_by"], ["film.editor.film"], "was edited by", "edited", "editor", person: true);
        Film(["film.film.music", "music by"], ["film.music_contributor.film"], "has music by", "wrote the music for", "composer", person: true);
        Film(["film.film.art_director"], ["film.art_director.films_art_directed"], "had art direction by", "art-directed", "art director", person: true);
        Film(["film.film.genre", "has genre", "genre"], ["film.film_genre.films_in_this_genre"], "is in the genre", "is the genre of", "genre");
        Film(["film.film.language", "in language", "has language", "language"], ["film.language.films"], "is in", "is the language of", "language");
        Film(["film.film.country", "country", "from country"], ["film.film_country.films"], "was made in", "is the country of", "country");
        Film(["film.film.rating", "rated"], ["film.content_rating.film"], "is rated", "is the rating of", "content rating");
        Film(["film.film.production_companies", "film.film.production_company"], ["film.production_company.films", "film.production_company.film"], "was made by", "made", "production company");
        Film(["film.film.distributor", "film.film.distributors"], ["film.distributor.film", "film.distributor.films_distributed"], "was distributed by", "distributed", "distributor");
        Film(["film.film.award_nomination", "film.film.award_nominations"], ["award.award_category.nominated_for"], "was nominated for", "nominated", "award nomination", kind: "award");
        Film(["film.film.award_won", "film.film.awards_won"], ["award.award_category.winners"], "won", "was won by", "award");
        Film(["film.film.subjects", "film.film.subject"], ["film.film_subject.films"], "is about", "is the subject of", "subject");
        Film(["released in", "year", "release year"], [], "was released in", "is the release year of", "release year");
        Film(["released in decade", "decade"], [], "came out in the", "is the decade of", "decade");
        Film(["tagged", "has tag", "tag"], [], "is tagged", "is a tag of", "tag");

        // Products (catalogue builder: Amazon categories and brands).
        table["in category"] = new RelationPhrase("is in the category", "is the category of", "product", "category");
        table["made by"] = new RelationPhrase("is made by", "makes", "product", "brand");
        table["same as"] = new RelationPhrase("is the same as", "is the same as", null, null);

        // Item → item facts.
        table["film.film.sequel"] = new RelationPhrase("is followed by", "follows", "film", "sequel");
        table["film.film.prequel"] = new RelationPhrase("follows", "is followed by", "film", "prequel");

        // People and music (Last.FM's Satori graph).
        void Person(string name, string forward, string backward, string role, bool tailIsPerson = false)
        {
            table[name] = new RelationPhrase(forward, backward, "artist", role, HeadIsPerson: true, TailIsPerson: tailIsPerson);
        }

        Person("music.artist.genre", "plays", "is played by", "genre");
        Person("music.artist.origin", "comes from", "is the home of", "origin");
        Person("music.artist.album", "released", "is an album by", "album");
        Person("music.artist.track", "recorded", "was recorded by", "track");
        Person("music.artist.label", "is signed to", "signed", "label");
        Person("music.musician.instruments_played", "plays", "is played by", "instrument");
        Person("music.producer.tracks_produced", "produced", "was produced by", "track");
        Person("people.person.place_of_birth", "was born in", "is the birthplace of", "birthplace");
        Person("people.deceased_person.place_of_death", "died in", "is the place of death of", "place of death");
        Person("people.person.profession", "works as", "is the profession of", "profession");
        Person("people.person.nationality", "is a citizen of", "is the nationality of", "nationality");
        Person("award.competitor.awards_won", "won", "was won by", "award");
        Person("award.winner.awards_won", "won", "was won by", "award");
        Person("award.competitor.award_nominations", "was nominated for", "nominated", "award nomination");
        Person("award.nominee.award_nominations", "was nominated for", "nominated", "award nomination");
        table["music.album.genre"] = new RelationPhrase("is in the genre", "is the genre of", "album", "genre");
        table["location.location.contained_by"] = new RelationPhrase("is in", "contains", "place", "region");
        return table;
    }
}
