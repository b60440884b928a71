using Xunit;

namespace KnowRec.Tests;

/// <summary>A theory over real dataset folders under $KNOWREC_DATA; skipped with the reason when it is unset.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DataTheoryAttribute : TheoryAttribute
{
    public DataTheoryAttribute()
    {
        if (TestData.Root is null)
        {
            Skip = "KNOWREC_DATA is not set; real datasets unavailable.";
        }
    }
}
