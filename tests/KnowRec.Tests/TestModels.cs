namespace KnowRec.Tests;

/// <summary>Locates the real model files (tokenizers and configs): $KNOWREC_MODELS, else ../shared/models beside the repository.</summary>
public static class TestModels
{
    /// <summary>The models folder, or null when neither place exists.</summary>
    public static string? Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("KNOWREC_MODELS") is { Length: > 0 } root)
            {
                root = Path.GetFullPath(root, TestData.RepoRoot);
                return Directory.Exists(root) ? root : null;
            }

            string shared = Path.GetFullPath(Path.Combine(TestData.RepoRoot, "..", "shared", "models"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    public static string PathOf(string folder) =>
        Path.Combine(Root ?? throw new InvalidOperationException("No models folder: set KNOWREC_MODELS."), folder);
}
