namespace KnowRec.Knowledge.Linking;

/// <summary>One item as entity linking sees it: the key it is known by in its source, its title and its year.</summary>
/// <param name="Key">The item's key in its source (a MovieLens id, a MeLU movie id); never compared by the linker.</param>
/// <param name="Title">The title as the source writes it, e.g. "Matrix, The (1999)" or "The Matrix".</param>
/// <param name="Year">The release year when the source gives one apart from the title; a year in the title wins.</param>
public sealed record TitledItem(string Key, string Title, int? Year);
