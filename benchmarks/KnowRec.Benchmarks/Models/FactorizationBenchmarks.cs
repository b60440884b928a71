using BenchmarkDotNet.Attributes;
using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Factorization;

namespace KnowRec.Benchmarks.Models;

/// <summary>Fit time and allocation of SVD and SVD++ on synthetic ratings of MovieLens-100K training-fold shape.</summary>
[MemoryDiagnoser]
public class FactorizationBenchmarks
{
    private Dataset _data = null!;

    /// <summary>Length of the factor vectors.</summary>
    [Params(20, 50, 100)]
    public int Factors { get; set; }

    /// <summary>The model kind.</summary>
    [Params(SvdModel.KindName, SvdppModel.KindName)]
    public string Model { get; set; } = SvdModel.KindName;

    /// <summary>943 users × 1,682 items, 80,000 distinct (user, item) ratings on 1–5, seeded: one ml-100k training fold.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int Users = 943, Items = 1682, Rows = 80_000;
        var random = new Random(1);
        var seen = new HashSet<(int, int)>();
        var rows = new List<Interaction>(Rows);
        while (rows.Count < Rows)
        {
            int user = random.Next(Users);
            int item = random.Next(Items);
            if (seen.Add((user, item)))
            {
                rows.Add(new Interaction(user, item, random.Next(1, 6)));
            }
        }

        _data = new Dataset("synthetic", new IdMap(Enumerable.Range(0, Users).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, Items).Select(i => $"i{i}")), rows)
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
        };
        _ = _data.Matrix;
    }

    /// <summary>One fit with the default options apart from <see cref="Factors"/>.</summary>
    [Benchmark]
    public IRecommender Fit() => ModelCatalog.Get(Model).Fit(_data, new Dictionary<string, string> { ["Factors"] = Factors.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
