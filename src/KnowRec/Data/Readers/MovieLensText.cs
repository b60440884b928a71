using System.Globalization;

namespace KnowRec.Data.Readers;

/// <summary>Small text rules shared by the MovieLens readers.</summary>
internal static class MovieLensText
{
    /// <summary>The year in a title ending "(1995)", else null; some titles carry trailing spaces or no year.</summary>
    public static int? YearOfTitle(string title)
    {
        var text = title.AsSpan().TrimEnd();
        if (text.Length >= 6 && text[^1] == ')' && text[^6] == '('
            && int.TryParse(text[^5..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return year;
        }

        return null;
    }

    /// <summary>The year of a date written "01-Jan-1995" (ml-100k), else null.</summary>
    public static int? YearOfDate(ReadOnlySpan<char> date)
    {
        date = date.Trim();
        return date.Length >= 4 && int.TryParse(date[^4..], NumberStyles.None, CultureInfo.InvariantCulture, out int year) ? year : null;
    }

    /// <summary>Genre names split on <c>|</c>; the MovieLens "(no genres listed)" marker gives none.</summary>
    public static string[] Genres(ReadOnlySpan<char> field)
    {
        if (field.IsWhiteSpace() || field.SequenceEqual("(no genres listed)"))
        {
            return [];
        }

        return field.ToString().Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
