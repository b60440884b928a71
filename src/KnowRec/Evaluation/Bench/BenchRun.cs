namespace KnowRec.Evaluation.Bench;

/// <summary>One row of a benchmark plan: a dataset, a model with options, and a protocol.</summary>
public sealed record BenchRun
{
    /// <summary>Dataset name or path, as for <c>--data</c>.</summary>
    public required string Data { get; init; }

    /// <summary>Model kind.</summary>
    public required string Model { get; init; }

    /// <summary>Split protocol name (default <c>user-ratio</c>).</summary>
    public string Protocol { get; init; } = "user-ratio";

    /// <summary>Folds for k-fold.</summary>
    public int? Folds { get; init; }

    /// <summary>Model options (NAME → VALUE), as for <c>--set</c>.</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    /// <summary>Further command-line arguments, e.g. <c>--implicit-threshold 4</c>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The target this row is measured against, in words (shown in the table).</summary>
    public string? Target { get; init; }

    /// <summary>The <c>knowrec evaluate</c> arguments that reproduce this row.</summary>
    public IReadOnlyList<string> EvaluateArguments()
    {
        var args = new List<string> { "evaluate", "--data", Data, "--model", Model, "--protocol", Protocol };
        if (Folds is { } folds)
        {
            args.Add("--folds");
            args.Add(folds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in Set)
        {
            args.Add("--set");
            args.Add($"{name}={value}");
        }

        args.AddRange(Args);
        return args;
    }

    /// <summary>The row's command line, <c>knowrec evaluate …</c>, as a person would type it.</summary>
    public string CommandLine() => CommandLine(EvaluateArguments());

    /// <summary><c>knowrec</c> followed by <paramref name="arguments"/>, those with spaces in double quotes.</summary>
    public static string CommandLine(IEnumerable<string> arguments) =>
        "knowrec " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
