using System.Runtime.CompilerServices;

namespace KnowRec.Tests;

/// <summary>Locates the real datasets named by $KNOWREC_DATA.</summary>
public static class TestData
{
    /// <summary>The data folder, or null when KNOWREC_DATA is unset or names no folder.</summary>
    public static string? Root =>
        Environment.GetEnvironmentVariable("KNOWREC_DATA") is { Length: > 0 } root && Directory.Exists(root) ? root : null;

    public static string PathOf(string folder) =>
        Path.Combine(Root ?? throw new InvalidOperationException("KNOWREC_DATA is not set."), folder);

    /// <summary>The repository root (the folder holding KnowRec.slnx).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowRec.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("KnowRec.slnx not found above the test folder.");
        }
    }

    // The README's test command sets KNOWREC_DATA=../shared/datasets, relative to the repository root, but the test
    // host runs from its bin folder: make the path absolute once, before any test (or child `knowrec` process) reads it.
    [ModuleInitializer]
    internal static void ResolveRelativeDataPath()
    {
        if (Environment.GetEnvironmentVariable("KNOWREC_DATA") is { Length: > 0 } root && !Path.IsPathRooted(root))
        {
            Environment.SetEnvironmentVariable("KNOWREC_DATA", Path.GetFullPath(Path.Combine(RepoRoot, root)));
        }
    }
}
