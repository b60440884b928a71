using KnowRec.Knowledge;
using KnowRec.Knowledge.Embeddings;
using KnowRec.Numerics.Autodiff;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Knowledge.Embeddings;

public sealed class KgEmbeddingTests
{
    private static readonly TrainingContext OneThread = new() { Threads = 1 };

    private static KgEmbeddingOptions Quick(KgEmbeddingMethod method) =>
        KgEmbeddingOptions.For(method) with { Dimension = 16, Epochs = 30, BatchSize = 32, LearningRate = 0.02f };

    [Theory]
    [InlineData(KgEmbeddingMethod.TransE)]
    [InlineData(KgEmbeddingMethod.TransR)]
    [InlineData(KgEmbeddingMethod.RotatE)]
    public void Fit_RanksTrueTailsAboveRelationPopularity_OnTrainingTriples(KgEmbeddingMethod method)
    {
        // Every genre and actor is equally popular here, so the popularity floor is near chance among them (MRR about
        // 0.2 over 6 genres and 12 actors per side), while a fitted embedding should recall the triples it was fitted on.
        var graph = TestGraphs.Films();
        var embedding = KgEmbedding.Fit(graph, Quick(method), OneThread);
        var fitted = LinkPredictionEvaluator.Evaluate(embedding, graph, graph.Triples);
        var floor = LinkPredictionEvaluator.Evaluate(new RelationPopularity(graph.Entities.Count, graph.Relations.Count, graph.Triples), graph, graph.Triples);

        Assert.True(fitted.MeanReciprocalRank > floor.MeanReciprocalRank + 0.2, $"{method}: MRR {fitted.MeanReciprocalRank:F3} against the floor's {floor.MeanReciprocalRank:F3}");
        Assert.True(fitted.HitsAt10 > 0.9, $"{method}: Hits@10 {fitted.HitsAt10:F3}");
    }

    [Fact]
    public void Fit_PredictsHeldOutGenresFromActors_TransE()
    {
        // A film's genre is implied by its actors (each actor plays in one genre only), so held-out genre triples can be
        // inferred: films that share actors are pulled together and so land near the same genre after translation.
        var graph = TestGraphs.Films(120);
        var split = LinkPredictionSplit.Create(graph, 0.1, seed: 3);
        var embedding = KgEmbedding.Fit(graph, Quick(KgEmbeddingMethod.TransE) with { Epochs = 60 }, OneThread, split.Train);
        var genres = split.Test.Where(t => graph.Relations[t.Relation] == "genre").ToList();
        Assert.NotEmpty(genres);
        var tails = new float[graph.Entities.Count];
        int right = 0;
        foreach (var t in genres)
        {
            embedding.ScoreCandidates(t.Relation, [t.Head], tails: true, tails);
            var best = Enumerable.Range(0, graph.Entities.Count).Where(e => graph.Entities[e].StartsWith('g')).MaxBy(e => tails[e]);
            right += best == t.Tail ? 1 : 0;
        }

        Assert.True(right >= genres.Count * 0.8, $"{right} of {genres.Count} held-out genres ranked first among genres");
    }

    [Theory]
    [InlineData(KgEmbeddingMethod.TransE)]
    [InlineData(KgEmbeddingMethod.TransR)]
    [InlineData(KgEmbeddingMethod.RotatE)]
    public void Fit_GivesIdenticalEmbeddings_OneAndTwoThreads(KgEmbeddingMethod method)
    {
        // Batches of 256 triples × 4 negatives × 64 columns exceed the size from which ops split their work into blocks.
        var graph = TestGraphs.Films(300);
        var options = KgEmbeddingOptions.For(method) with { Dimension = 64, Epochs = 2, BatchSize = 256, Negatives = 4 };
        var one = KgEmbedding.Fit(graph, options, new TrainingContext { Threads = 1 });
        var two = KgEmbedding.Fit(graph, options, new TrainingContext { Threads = 2 });
        for (int e = 0; e < graph.Entities.Count; e++)
        {
            Assert.True(one.EntityVector(e).SequenceEqual(two.EntityVector(e)), $"entity {e} differs");
        }

        for (int r = 0; r < graph.Relations.Count; r++)
        {
            Assert.True(one.RelationVector(r).SequenceEqual(two.RelationVector(r)));
            Assert.True(one.Projection(r).SequenceEqual(two.Projection(r)));
        }
    }

    [Theory]
    [InlineData(KgEmbeddingMethod.TransE)]
    [InlineData(KgEmbeddingMethod.TransR)]
    [InlineData(KgEmbeddingMethod.RotatE)]
    public void SaveLoad_RoundTripsExactly(KgEmbeddingMethod method)
    {
        var graph = TestGraphs.Films(12);
        var embedding = KgEmbedding.Fit(graph, Quick(method) with { Epochs = 2 }, OneThread);
        using var stream = new MemoryStream();
        embedding.Save(stream);
        stream.Position = 0;
        var loaded = KgEmbedding.Load(stream);

        Assert.Equal(embedding.Options, loaded.Options);
        Assert.Equal(graph.Entities.Ids, loaded.EntityIds.Ids);
        Assert.Equal(graph.Relations.Ids, loaded.RelationIds.Ids);
        foreach (var t in graph.Triples)
        {
            Assert.Equal(embedding.Distance(t.Head, t.Relation, t.Tail), loaded.Distance(t.Head, t.Relation, t.Tail));
        }

        var a = new float[graph.Entities.Count];
        var b = new float[graph.Entities.Count];
        embedding.ScoreCandidates(1, [0, 3], tails: false, new float[2 * graph.Entities.Count]);
        embedding.ScoreCandidates(0, [0], tails: true, a);
        loaded.ScoreCandidates(0, [0], tails: true, b);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(KgEmbeddingMethod.TransE)]
    [InlineData(KgEmbeddingMethod.TransR)]
    [InlineData(KgEmbeddingMethod.RotatE)]
    public void ScoreCandidates_EqualsMinusDistance_ForTailsAndHeads(KgEmbeddingMethod method)
    {
        var graph = TestGraphs.Films(12);
        var embedding = KgEmbedding.Fit(graph, Quick(method) with { Epochs = 3 }, OneThread);
        int n = graph.Entities.Count;
        var scores = new float[2 * n];
        embedding.ScoreCandidates(1, [2, 5], tails: true, scores);
        for (int e = 0; e < n; e++)
        {
            Assert.Equal(-embedding.Distance(2, 1, e), scores[e], 3);
            Assert.Equal(-embedding.Distance(5, 1, e), scores[n + e], 3);
        }

        embedding.ScoreCandidates(0, [4], tails: false, scores.AsSpan(0, n));
        for (int e = 0; e < n; e++)
        {
            Assert.Equal(-embedding.Distance(e, 0, 4), scores[e], 3);
        }
    }

    [Fact]
    public void Load_RejectsAnotherKindOfModelFile()
    {
        var data = Contracts.TinyData.Create();
        var model = KnowRec.Models.Popularity.PopularityModel.Fit(data);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => KgEmbedding.Load(stream));
    }

    [Fact]
    public void Fit_ConstrainsTransEEntitiesToUnitNorm()
    {
        var graph = TestGraphs.Films(12);
        var embedding = KgEmbedding.Fit(graph, Quick(KgEmbeddingMethod.TransE) with { Epochs = 3 }, OneThread);
        for (int e = 0; e < graph.Entities.Count; e++)
        {
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(embedding.EntityVector(e)), 4);
        }
    }

    [Fact]
    public void Fit_Throws_ForTrainingTripleOutsideTheGraph()
    {
        var graph = TestGraphs.Films(12);
        Assert.Throws<ArgumentException>(() => KgEmbedding.Fit(graph, Quick(KgEmbeddingMethod.TransE), OneThread, [new Triple(0, 0, graph.Entities.Count)]));
    }

    public static TheoryData<string, KgEmbeddingOptions> Changes => new()
    {
        { "Method", new() { Method = KgEmbeddingMethod.TransR } },
        { "Dimension", new() { Dimension = 8 } },
        { "Loss", new() { Loss = KgEmbeddingLoss.Logistic } },
        { "Norm", new() { Norm = DistanceNorm.L2 } },
        { "Margin", new() { Margin = 2f } },
        { "Epochs", new() { Epochs = 3 } },
        { "BatchSize", new() { BatchSize = 16 } },
        { "LearningRate", new() { LearningRate = 0.05f } },
        { "Negatives", new() { Negatives = 2 } },
        { "Sampling", new() { Sampling = CorruptionSampling.Uniform } },
        { "AdversarialTemperature", new() { Loss = KgEmbeddingLoss.Logistic, AdversarialTemperature = 1f } },
        { "Seed", new() { Seed = 7 } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void EveryOption_ChangesTheFit(string name, KgEmbeddingOptions changed)
    {
        // Each row differs from its reference in the named option only (AdversarialTemperature is compared under the
        // logistic loss, the only one that uses it).
        var graph = TestGraphs.Films(24);
        var common = new KgEmbeddingOptions { Dimension = 16, Epochs = 2, BatchSize = 32 };
        var reference = name == "AdversarialTemperature" ? common with { Loss = KgEmbeddingLoss.Logistic } : common;
        changed = changed with { Dimension = name == "Dimension" ? changed.Dimension : 16, Epochs = name == "Epochs" ? changed.Epochs : 2, BatchSize = name == "BatchSize" ? changed.BatchSize : 32 };
        var a = KgEmbedding.Fit(graph, reference, OneThread);
        var b = KgEmbedding.Fit(graph, changed, OneThread);
        Assert.False(a.EntityVector(0).SequenceEqual(b.EntityVector(0)) && a.Distance(0, 0, 1) == b.Distance(0, 0, 1), $"{name} had no effect");
    }

    [Theory]
    [InlineData("Dimension")]
    [InlineData("Margin")]
    [InlineData("Epochs")]
    [InlineData("BatchSize")]
    [InlineData("LearningRate")]
    [InlineData("Negatives")]
    [InlineData("AdversarialTemperature")]
    [InlineData("Norm")]
    public void Validate_NamesTheBadOption(string name)
    {
        var bad = name switch
        {
            "Dimension" => new KgEmbeddingOptions { Dimension = 0 },
            "Margin" => new KgEmbeddingOptions { Margin = float.NaN },
            "Epochs" => new KgEmbeddingOptions { Epochs = 0 },
            "BatchSize" => new KgEmbeddingOptions { BatchSize = 0 },
            "LearningRate" => new KgEmbeddingOptions { LearningRate = 0 },
            "Negatives" => new KgEmbeddingOptions { Negatives = 0 },
            "AdversarialTemperature" => new KgEmbeddingOptions { AdversarialTemperature = -1 },
            _ => new KgEmbeddingOptions { Norm = DistanceNorm.SquaredL2 },
        };
        Assert.Equal(name, Assert.Throws<ArgumentException>(bad.Validate).ParamName);
    }
}
