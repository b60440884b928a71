namespace KnowRec.Data.Readers;

/// <summary>Builds the string attribute dictionaries readers attach to items and users.</summary>
internal static class AttributeMaps
{
    /// <summary>Stores a trimmed value under <paramref name="key"/>, skipping blanks so absent facts stay absent.</summary>
    public static void Put(Dictionary<string, string> attributes, string key, ReadOnlySpan<char> value)
    {
        if (!value.IsWhiteSpace())
        {
            attributes[key] = value.Trim().ToString();
        }
    }
}
