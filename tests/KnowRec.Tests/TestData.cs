namespace KnowRec.Tests;

/// <summary>Locates the real datasets named by $KNOWREC_DATA.</summary>
public static class TestData
{
    public static string? Root =>
        Environment.GetEnvironmentVariable("KNOWREC_DATA") is { Length: > 0 } root && Directory.Exists(root) ? root : null;

    public static string PathOf(string folder) =>
        Path.Combine(Root ?? throw new InvalidOperationException("KNOWREC_DATA is not set."), folder);
}
