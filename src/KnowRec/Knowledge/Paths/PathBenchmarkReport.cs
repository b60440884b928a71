namespace KnowRec.Knowledge.Paths;

/// <summary>What <see cref="PathBenchmark.Run"/> measured.</summary>
/// <param name="Pairs">Pairs explained.</param>
/// <param name="LinkedItems">Pairs whose item is linked to the graph at all (no path can reach the others).</param>
/// <param name="WithPath">Pairs with at least one path.</param>
/// <param name="WithShortPath">Pairs with a path of length ≤ 3 (user → history item → entity → item, or shorter).</param>
/// <param name="MedianMilliseconds">Median time to find and say one pair's paths (each pair's fastest repeat).</param>
/// <param name="P90Milliseconds">90th percentile of that time.</param>
/// <param name="MaxMilliseconds">Slowest pair (its fastest repeat).</param>
/// <param name="SlowestCallMilliseconds">Slowest single timed call, noise included.</param>
/// <param name="FirstCallMilliseconds">The very first pair, before anything was warm.</param>
/// <param name="Samples">Every pair.</param>
public sealed record PathBenchmarkReport(
    int Pairs,
    int LinkedItems,
    int WithPath,
    int WithShortPath,
    double MedianMilliseconds,
    double P90Milliseconds,
    double MaxMilliseconds,
    double SlowestCallMilliseconds,
    double FirstCallMilliseconds,
    IReadOnlyList<PathBenchmarkSample> Samples);
