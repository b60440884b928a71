namespace KnowRec.Data.Readers;

/// <summary>One row of an item text file: the item's key, title and year in that file, and its named text fields.</summary>
/// <param name="Key">The item id the file gives (for MeLU, the MovieLens movie id); linking reports, but does not trust, it.</param>
/// <param name="Title">The title as the file writes it, e.g. "The Matrix".</param>
/// <param name="Year">The release year, or null when the file gives none.</param>
/// <param name="Fields">Non-empty fields by name: <c>rated</c>, <c>released</c>, <c>genre</c>, <c>director</c>, <c>writer</c>, <c>actors</c>, <c>plot</c>, <c>poster</c>; "N/A" values are left out.</param>
public sealed record ItemText(string Key, string Title, int? Year, IReadOnlyDictionary<string, string> Fields);
