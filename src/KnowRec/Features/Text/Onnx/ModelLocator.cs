using KnowRec.Data.Readers;

namespace KnowRec.Features.Text.Onnx;

/// <summary>Finds a pretrained model folder from a path or a short name such as <c>all-MiniLM-L6-v2</c>.</summary>
public static class ModelLocator
{
    /// <summary>Environment variable naming the first folder searched for model names (and where <c>knowrec models pull</c> writes).</summary>
    public const string EnvironmentVariable = "KNOWREC_MODELS";

    /// <summary>The folders searched for names, in order: <c>$KNOWREC_MODELS</c> (when set), then <c>~/.knowrec/models</c>.</summary>
    /// <remarks>Read afresh on every call, so a change of the environment variable takes effect at once.</remarks>
    public static IReadOnlyList<string> DefaultRoots
    {
        get
        {
            var roots = new List<string>(2);
            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } models)
            {
                roots.Add(models);
            }

            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (home.Length > 0)
            {
                roots.Add(Path.Combine(home, ".knowrec", "models"));
            }

            return roots;
        }
    }

    /// <summary>An existing folder is returned as a full path; otherwise the name is looked up under <see cref="DefaultRoots"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">Nothing matched; the message lists every place looked at.</exception>
    public static string Resolve(string nameOrPath) => DataLocator.Resolve(nameOrPath, DefaultRoots);
}
