namespace KnowRec.Data.Readers;

/// <summary>Finds a dataset folder or file from a path or a short name such as <c>ml-100k</c>.</summary>
public static class DataLocator
{
    /// <summary>Environment variable naming the first folder searched for dataset names.</summary>
    public const string EnvironmentVariable = "KNOWREC_DATA";

    /// <summary>The folders searched for names, in order: <c>$KNOWREC_DATA</c> (when set), then <c>~/.knowrec/datasets</c>.</summary>
    /// <remarks>Read afresh on every call, so a change of the environment variable takes effect at once.</remarks>
    public static IReadOnlyList<string> DefaultRoots
    {
        get
        {
            var roots = new List<string>(2);
            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } data)
            {
                roots.Add(data);
            }

            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (home.Length > 0)
            {
                roots.Add(Path.Combine(home, ".knowrec", "datasets"));
            }

            return roots;
        }
    }

    /// <summary>Resolves <paramref name="nameOrPath"/> against <see cref="DefaultRoots"/>.</summary>
    /// <inheritdoc cref="Resolve(string, IEnumerable{string})"/>
    public static string Resolve(string nameOrPath) => Resolve(nameOrPath, DefaultRoots);

    /// <summary>An existing file or folder is returned as a full path; otherwise the name (which may hold <c>/</c>, e.g.
    /// <c>ml-1m/pieces-LIN452-ReSN</c>) is looked up under each root in order.</summary>
    /// <param name="nameOrPath">A path, or a dataset name relative to a root.</param>
    /// <param name="roots">Folders to search, first match wins.</param>
    /// <returns>The full path of the file or folder found.</returns>
    /// <exception cref="DirectoryNotFoundException">Nothing matched; the message lists every place looked at.</exception>
    public static string Resolve(string nameOrPath, IEnumerable<string> roots)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        ArgumentNullException.ThrowIfNull(roots);
        if (Directory.Exists(nameOrPath) || File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }

        var looked = new List<string> { Path.GetFullPath(nameOrPath) };
        if (!Path.IsPathRooted(nameOrPath))
        {
            foreach (string root in roots)
            {
                string candidate = Path.GetFullPath(Path.Combine(root, nameOrPath));
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return candidate;
                }

                looked.Add(candidate);
            }
        }

        throw new DirectoryNotFoundException(
            $"Dataset '{nameOrPath}' not found. Looked in: {string.Join("; ", looked)}. "
            + $"Set {EnvironmentVariable} to the folder holding the datasets, or pass a path.");
    }
}
