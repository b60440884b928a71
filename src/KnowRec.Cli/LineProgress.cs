namespace KnowRec.Cli;

/// <summary>Reports progress lines at once, on the calling thread (System.Progress would post them later, out of order).</summary>
internal sealed class LineProgress : IProgress<string>
{
    public static LineProgress Instance { get; } = new();

    public void Report(string value) => Output.Progress(value);
}
