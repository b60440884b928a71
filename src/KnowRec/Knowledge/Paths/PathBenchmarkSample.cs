namespace KnowRec.Knowledge.Paths;

/// <summary>One explained pair.</summary>
/// <param name="User">User index.</param>
/// <param name="Item">Recommended item index.</param>
/// <param name="ItemLinked">Whether the item is linked to the graph.</param>
/// <param name="Paths">Paths found.</param>
/// <param name="ShortestLength">Edges of the shortest path found, 0 when none.</param>
/// <param name="Milliseconds">Time to find and say them (fastest repeat).</param>
/// <param name="Sentence">The best path in words, or null.</param>
public readonly record struct PathBenchmarkSample(int User, int Item, bool ItemLinked, int Paths, int ShortestLength, double Milliseconds, string? Sentence);
