using BenchmarkDotNet.Attributes;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Embeddings;

namespace KnowRec.Benchmarks.Knowledge;

/// <summary>
/// One training step of each knowledge-graph embedding (lookups, fused distance, loss, backward, Adam, constraints) on
/// a batch of 1,024 triples of a synthetic graph the size of <c>kg-ml100k-freebase</c> (35k entities, 24 relations,
/// 90k triples), each method with its default negatives and d = 64.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- --filter '*KgEmbeddingStep*'</c>. An epoch of
/// the real graph is about 80 such steps plus the shuffle.
/// </remarks>
[MemoryDiagnoser]
public class KgEmbeddingStepBenchmarks
{
    private KgEmbeddingTrainer? _trainer;
    private Triple[] _batch = [];

    /// <summary>The method.</summary>
    [Params(KgEmbeddingMethod.TransE, KgEmbeddingMethod.TransR, KgEmbeddingMethod.RotatE)]
    public KgEmbeddingMethod Method { get; set; }

    /// <summary>Threads each op may use.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>A seeded random graph and the first batch of its triples.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var builder = new KnowledgeGraphBuilder();
        for (int i = 0; i < 90_000; i++)
        {
            builder.Add($"e{random.Next(35_000)}", $"r{random.Next(24)}", $"e{random.Next(35_000)}");
        }

        var graph = builder.Build("synthetic");
        _trainer = new KgEmbeddingTrainer(graph, KgEmbeddingOptions.For(Method), threads: Threads);
        _batch = [.. graph.Triples.Take(1024)];
    }

    /// <summary>One Adam step on the batch and fresh corruptions of it.</summary>
    [Benchmark]
    public float Step() => _trainer!.Step(_batch);
}
