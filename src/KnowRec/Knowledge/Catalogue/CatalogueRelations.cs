namespace KnowRec.Knowledge.Catalogue;

/// <summary>The relation names graphs built from catalogues use; explanations print them as they are.</summary>
public static class CatalogueRelations
{
    /// <summary>Item → genre.</summary>
    public const string HasGenre = "has genre";

    /// <summary>Item → year.</summary>
    public const string ReleasedIn = "released in";

    /// <summary>Item → decade.</summary>
    public const string ReleasedInDecade = "released in decade";

    /// <summary>Item → director.</summary>
    public const string DirectedBy = "directed by";

    /// <summary>Item → writer.</summary>
    public const string WrittenBy = "written by";

    /// <summary>Item → actor.</summary>
    public const string Stars = "stars";

    /// <summary>Item → content rating (MPAA).</summary>
    public const string Rated = "rated";

    /// <summary>Item → country of production.</summary>
    public const string FromCountry = "from country";

    /// <summary>Item → spoken language.</summary>
    public const string InLanguage = "in language";

    /// <summary>Item → user tag.</summary>
    public const string Tagged = "tagged";

    /// <summary>Item → product category.</summary>
    public const string InCategory = "in category";

    /// <summary>Item → brand.</summary>
    public const string MadeBy = "made by";

    /// <summary>One source's entity of an item → another source's entity of the same item (merged graphs).</summary>
    public const string SameAs = "same as";
}
