using Xunit;

namespace KnowRec.Tests.Data.Splits;

/// <summary>A fact that is skipped, with the reason, when ml-100k is not available.</summary>
internal sealed class MovieLensFactAttribute : FactAttribute
{
    public MovieLensFactAttribute()
    {
        if (MovieLens100k.DataPath is null)
        {
            Skip = "ml-100k not found: set KNOWREC_DATA to the folder holding ml-100k/u.data.";
        }
    }
}
