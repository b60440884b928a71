using BenchmarkDotNet.Attributes;
using KnowRec.Data;
using KnowRec.Data.Splits;
using KnowRec.Data.Synthetic;
using KnowRec.Evaluation;
using KnowRec.Models.Popularity;
using KnowRec.Numerics;

namespace KnowRec.Benchmarks.Evaluation;

/// <summary>Top-K selection and full-catalogue evaluation, the two costs every ranking evaluation pays.</summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private float[] _scores = [];
    private DataSplit _split = null!;
    private PopularityModel _model = null!;

    [Params(3706, 10000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _scores = [.. Enumerable.Range(0, Items).Select(_ => (float)random.NextDouble())];
        var data = SyntheticCatalogue.Create(users: 1000, items: Items, ratingsPerUser: 30);
        _split = Splitter.Split(data, new SplitOptions())[0];
        _model = PopularityModel.Fit(_split.Train);
    }

    [Benchmark]
    public int TopTen() => TopK.Select(_scores, 10).Length;

    [Benchmark]
    public int FullRanking() => TopK.Select(_scores, Items).Length;

    [Benchmark]
    public double EvaluateFullCatalogue() => Evaluator.Evaluate(_model, _split, EvaluationOptions.Default).Metrics["ndcg@10"];
}
