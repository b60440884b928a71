namespace KnowRec.Benchmarks.Tuning;

/// <summary>The option grid the tuning commands share: <c>NAME=V1{separator}V2 …</c> arguments and every combination of them.</summary>
internal static class OptionGrid
{
    /// <summary>Parses <c>NAME=V1{separator}V2…</c> arguments (a semicolon where values hold commas, as tower widths do).</summary>
    public static List<(string Name, string[] Values)> Parse(IEnumerable<string> args, char separator) =>
        [.. args.Select(a => a.Split('=', 2)).Select(kv => (Name: kv[0], Values: kv[1].Split(separator)))];

    /// <summary>Every assignment of one value to each name, the first name varying fastest.</summary>
    public static IEnumerable<Dictionary<string, string>> Combinations(List<(string Name, string[] Values)> grid) => Combinations(grid, 0);

    private static IEnumerable<Dictionary<string, string>> Combinations(List<(string Name, string[] Values)> grid, int at)
    {
        if (at == grid.Count)
        {
            yield return new Dictionary<string, string>(StringComparer.Ordinal);
            yield break;
        }

        foreach (var rest in Combinations(grid, at + 1))
        {
            foreach (string value in grid[at].Values)
            {
                yield return new Dictionary<string, string>(rest, StringComparer.Ordinal) { [grid[at].Name] = value };
            }
        }
    }
}
