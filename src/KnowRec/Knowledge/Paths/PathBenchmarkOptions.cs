namespace KnowRec.Knowledge.Paths;

/// <summary>What <see cref="PathBenchmark"/> measures.</summary>
public sealed record PathBenchmarkOptions
{
    /// <summary>Number of (user, recommended item) pairs. Default 100.</summary>
    public int Pairs { get; init; } = 100;

    /// <summary>Length of the top list each pair's item is drawn from. Default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Paths found and said per pair. Default 3.</summary>
    public int Paths { get; init; } = 3;

    /// <summary>Seed of the draw. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Timed repeats per pair; a pair's time is its fastest. Default 3.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>
    /// Draw the users with the longest histories (the worst case for path search) instead of random ones; the item is
    /// still drawn at random from each one's top list. Default false.
    /// </summary>
    public bool HeaviestUsers { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad property.</summary>
    public void Validate()
    {
        if (Pairs < 1)
        {
            throw new ArgumentException($"Pairs must be at least 1, got {Pairs}.", nameof(Pairs));
        }

        if (Top < 1)
        {
            throw new ArgumentException($"Top must be at least 1, got {Top}.", nameof(Top));
        }

        if (Repeats < 1)
        {
            throw new ArgumentException($"Repeats must be at least 1, got {Repeats}.", nameof(Repeats));
        }

        if (Paths < 1)
        {
            throw new ArgumentException($"Paths must be at least 1, got {Paths}.", nameof(Paths));
        }
    }
}
