using Xunit;

namespace KnowRec.Tests;

/// <summary>A fact that needs a real model folder (e.g. <c>all-MiniLM-L6-v2-tokenizer</c>) under <see cref="TestModels.Root"/>; skipped with the reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ModelFactAttribute : FactAttribute
{
    public ModelFactAttribute(string folder)
    {
        Folder = folder;
        if (TestModels.Root is not { } root)
        {
            Skip = $"No models folder ($KNOWREC_MODELS unset and ../shared/models absent); model '{folder}' unavailable.";
        }
        else if (!Directory.Exists(Path.Combine(root, folder)))
        {
            Skip = $"Model folder '{Path.Combine(root, folder)}' is absent.";
        }
    }

    public string Folder { get; }
}
