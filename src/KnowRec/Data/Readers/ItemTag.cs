namespace KnowRec.Data.Readers;

/// <summary>A tag users applied to an item, with how many times it was applied.</summary>
/// <param name="ItemKey">The item's raw id in its source (a Last.FM artistID, a MovieLens movieId).</param>
/// <param name="Tag">The tag as first written, e.g. "dark comedy".</param>
/// <param name="Count">How many assignments of this tag (compared case-insensitively) the item has.</param>
public sealed record ItemTag(string ItemKey, string Tag, int Count);
