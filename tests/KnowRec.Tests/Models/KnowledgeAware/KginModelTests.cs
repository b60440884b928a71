using KnowRec.Models;
using KnowRec.Models.KnowledgeAware;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.KnowledgeAware;

public sealed class KginModelTests
{
    private static readonly KginOptions Tiny = KginModelContractTests.Tiny;
    private static readonly TrainingContext OneThread = KginModelContractTests.OneThread;

    [Fact]
    public void Fit_Throws_WithoutKnowledgeGraph()
    {
        var e = Assert.Throws<ArgumentException>(() => KginModel.Fit(TinyData.Create(), Tiny, OneThread));
        Assert.Contains("--kg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ScoresColdItemsThroughTheirGenre()
    {
        // i8 and i9 have no rows; i8 shares genre a with block A's items, i9 genre b with block B's (TinyKnowledge).
        // Their layer-0 embeddings are trained only as negatives, which adds per-user noise, so the check is on each
        // block's mean margin: block A's users must prefer i8 and block B's i9, which only the genre edges can tell.
        var model = KginModel.Fit(TinyKnowledge.BlocksWithColdItems(), Tiny with { BatchSize = 8, Epochs = 100 }, OneThread);
        var scores8 = Enumerable.Range(0, 8).Select(u => model.Score(u, 8)).ToArray();
        Assert.True(scores8.Distinct().Count() > 1, "the cold item scores the same for every user");
        double marginA = Enumerable.Range(0, 4).Average(u => model.Score(u, 8) - model.Score(u, 9));
        double marginB = Enumerable.Range(4, 4).Average(u => model.Score(u, 9) - model.Score(u, 8));
        Assert.True(marginA > 0 && marginB > 0, $"mean margins: block A {marginA}, block B {marginB}");
    }

    [Fact]
    public void RelationWeights_HasOneFiniteWeightPerRelation()
    {
        var data = TinyKnowledge.Tiny();
        var model = KginModel.Fit(data, Tiny, OneThread);
        Assert.Equal(data.Knowledge!.Graph.Relations.Count, model.RelationWeights.Count);
        Assert.All(model.RelationWeights, w => Assert.True(float.IsFinite(w) && w > 0));
        Assert.NotEqual(model.RelationWeights[0], model.RelationWeights[1]);
    }

    [Fact]
    public void SaveLoad_KeepsRelationWeightsAndRepresentations()
    {
        var model = KginModel.Fit(TinyKnowledge.Tiny(), Tiny, OneThread);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = Assert.IsType<KginModel>(ModelCatalog.Load(stream));
        Assert.Equal(model.RelationWeights, loaded.RelationWeights);
        Assert.Equal(model.Options, loaded.Options);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(model.ItemRepresentation(i).ToArray(), loaded.ItemRepresentation(i).ToArray());
        }

    }

    [Fact]
    public void Fit_GivesIdenticalModels_ForOneAndTwoThreads()
    {
        // 27,000 pairs and 300 linked items: the sparse products and row loops run in several pieces.
        var data = KnowledgeSynthetic.Create(users: 300, items: 300, density: 0.3, seed: 2);
        var options = new KginOptions { Factors = 16, Layers = 2, Epochs = 2, BatchSize = 8192 };
        var one = KginModel.Fit(data, options, OneThread);
        var two = KginModel.Fit(data, options, new TrainingContext { Threads = 2 });
        for (int u = 0; u < 300; u += 7)
        {
            Assert.Equal(one.UserRepresentation(u).ToArray(), two.UserRepresentation(u).ToArray());
        }

        for (int i = 0; i < 300; i += 7)
        {
            Assert.Equal(one.ItemRepresentation(i).ToArray(), two.ItemRepresentation(i).ToArray());
        }

        Assert.Equal(one.RelationWeights, two.RelationWeights);
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = TinyKnowledge.Tiny();
        var baseline = Tiny with { Epochs = 4, Dropout = 0.1f, NegativeCandidates = 1, IndependenceWeight = 0.1f };
        KginOptions[] variants =
        [
            baseline with { Factors = 6 },
            baseline with { Layers = 1 },
            baseline with { Intents = 3 },
            baseline with { Epochs = 5 },
            baseline with { BatchSize = 5 },
            baseline with { LearningRate = 0.01f },
            baseline with { Regularization = 0.5f },
            baseline with { IndependenceWeight = 0.5f },
            baseline with { Temperature = 1f },
            baseline with { Dropout = 0.3f },
            baseline with { NegativeCandidates = 3 },
            baseline with { Seed = 7 },
        ];
        float reference = KginModel.Fit(data, baseline, OneThread).Score(0, 2);
        foreach (var options in variants)
        {
            Assert.True(reference != KginModel.Fit(data, options, OneThread).Score(0, 2), $"{options} gave the baseline's score");
        }
    }

    [Fact]
    public void Fit_ReportsEveryEpoch_WithFallingLoss()
    {
        var losses = new List<double>();
        KginModel.Fit(TinyKnowledge.Tiny(), Tiny with { Epochs = 12 }, OneThread with { Progress = new Reporter(r => losses.Add(r.Loss)) });
        Assert.Equal(12, losses.Count);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        Assert.True(losses[^1] < losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public void Fit_Throws_WhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => KginModel.Fit(TinyKnowledge.Tiny(), Tiny, OneThread with { Cancellation = cancel.Token }));
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Layers", "-1")]
    [InlineData("Intents", "0")]
    [InlineData("Epochs", "0")]
    [InlineData("BatchSize", "0")]
    [InlineData("LearningRate", "0")]
    [InlineData("Regularization", "-1")]
    [InlineData("IndependenceWeight", "-1")]
    [InlineData("Temperature", "0")]
    [InlineData("Dropout", "1")]
    [InlineData("NegativeCandidates", "0")]
    public void Validate_NamesTheProperty_ForBadValue(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<KginOptions>(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Catalog_FitsKgat_WithNoLayers()
    {
        var model = ModelCatalog.Get("kgin").Fit(TinyKnowledge.Tiny(), new Dictionary<string, string> { ["Epochs"] = "2", ["Factors"] = "4", ["Layers"] = "0" }, OneThread);
        Assert.Equal("kgin", model.Kind);
        Assert.True(float.IsFinite(model.Score(0, 5)));
    }

    private sealed class Reporter(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
