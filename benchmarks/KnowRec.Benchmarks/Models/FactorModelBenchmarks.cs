using BenchmarkDotNet.Attributes;
using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Als;
using KnowRec.Models.Bpr;
using KnowRec.Training;

namespace KnowRec.Benchmarks.Models;

/// <summary>ALS and BPR fit and batch recommendation on synthetic data of ML-1M shape (6,040 × 3,706, 800k pairs).</summary>
[MemoryDiagnoser]
public class FactorModelBenchmarks
{
    private Dataset _data = null!;
    private AlsModel _als = null!;
    private int[] _users = null!;

    /// <summary>Threads the fits may use.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Skewed popularity (item index squared) so the rows are as uneven as real ones.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int users = 6040, items = 3706, rows = 800_000;
        var random = new Random(1);
        var seen = new HashSet<(int, int)>();
        var list = new List<Interaction>(rows);
        while (list.Count < rows)
        {
            int u = random.Next(users);
            int i = (int)(items * Math.Pow(random.NextDouble(), 2));
            if (seen.Add((u, i)))
            {
                list.Add(new Interaction(u, i, 1));
            }
        }

        _data = new Dataset("synthetic", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), list);
        _ = _data.Matrix;
        _als = AlsModel.Fit(_data, new AlsOptions { Iterations = 1 });
        _users = [.. Enumerable.Range(0, users)];
    }

    /// <summary>A full ALS fit with default options (15 sweeps of 3 CG steps).</summary>
    [Benchmark]
    public AlsModel AlsFit() => AlsModel.Fit(_data, new AlsOptions(), new TrainingContext { Threads = Threads });

    /// <summary>One BPR epoch with default options.</summary>
    [Benchmark]
    public BprModel BprEpoch() => BprModel.Fit(_data, new BprOptions { Epochs = 1 }, new TrainingContext { Threads = Threads });

    /// <summary>Top-10 for every user (the evaluator's full-ranking pass).</summary>
    [Benchmark]
    public IReadOnlyList<ScoredItem>[] AlsRecommendMany() => _als.RecommendMany(_users, 10);
}
