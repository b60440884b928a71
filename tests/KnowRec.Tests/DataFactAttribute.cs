using Xunit;

namespace KnowRec.Tests;

/// <summary>A fact that needs a real dataset folder under $KNOWREC_DATA; skipped with the reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DataFactAttribute : FactAttribute
{
    public DataFactAttribute(string folder)
    {
        Folder = folder;
        if (TestData.Root is not { } root)
        {
            Skip = $"KNOWREC_DATA is not set; dataset '{folder}' unavailable.";
        }
        else if (!Directory.Exists(Path.Combine(root, folder)))
        {
            Skip = $"Dataset folder '{Path.Combine(root, folder)}' is absent.";
        }
    }

    public string Folder { get; }
}
