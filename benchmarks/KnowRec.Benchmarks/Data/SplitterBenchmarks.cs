using BenchmarkDotNet.Attributes;
using KnowRec.Data;
using KnowRec.Data.Splits;

namespace KnowRec.Benchmarks.Data;

/// <summary>Time and allocation of each split protocol on synthetic data of MovieLens-like shape.</summary>
[MemoryDiagnoser]
public class SplitterBenchmarks
{
    private Dataset _data = null!;

    /// <summary>Number of interaction rows.</summary>
    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    /// <summary>The protocol under test (fixed is left out: it only copies a mask).</summary>
    [Params(SplitProtocol.UserRatio, SplitProtocol.Random, SplitProtocol.LeaveLastOut, SplitProtocol.Temporal, SplitProtocol.KFold, SplitProtocol.ColdItems)]
    public SplitProtocol Protocol { get; set; }

    /// <summary>Builds the rows once per parameter set, seeded, with one user per 160 rows and one item per 250 rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        int users = Math.Max(1, Rows / 160);
        int items = Math.Max(1, Rows / 250);
        var rows = new Interaction[Rows];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = new Interaction(random.Next(users), random.Next(items), random.Next(1, 6), 900_000_000 + random.Next(100_000_000));
        }

        _data = new Dataset(
            "synthetic",
            new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")),
            new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")),
            rows)
        { HasTimestamps = true };
    }

    /// <summary>One full split (all folds for kfold).</summary>
    [Benchmark]
    public IReadOnlyList<DataSplit> Split() => Splitter.Split(_data, new SplitOptions { Protocol = Protocol });
}
