using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Models.KnowledgeAware;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.KnowledgeAware;

public sealed class CkeModelTests
{
    private static readonly TrainingContext OneThread = CkeContractTests.OneThread;

    // 60 users × 40 items, each item linked to one of 8 "genre" entities, each user drawn to two genres.
    private static Dataset Genres(int users = 60, int items = 40)
    {
        var random = new Random(5);
        var rows = new List<Interaction>();
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < items; i++)
            {
                bool liked = i % 8 == u % 8 || i % 8 == (u + 3) % 8;
                if (random.NextDouble() < (liked ? 0.5 : 0.05))
                {
                    rows.Add(new Interaction(u, i, 1));
                }
            }
        }

        var b = new KnowledgeGraphBuilder();
        for (int i = 0; i < items; i++)
        {
            b.Link($"i{i}", $"film{i}");
            b.Add($"film{i}", "genre", $"g{i % 8}");
            b.Add($"film{i}", "decade", $"d{i % 3}");
        }

        var data = new Dataset("genres", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), rows);
        return data.WithKnowledge(b.Build("genres"));
    }

    [Fact]
    public void Fit_GivesIdenticalVectors_OneAndTwoThreads()
    {
        // Batches of 512 × 128 factors exceed the size from which ops split their work into blocks.
        var data = Genres(200, 60);
        var options = new CkeOptions { Factors = 128, Epochs = 2, BatchSize = 512, KnowledgeBatchSize = 120, NegativeCandidates = 2 };
        var one = CkeModel.Fit(data, options, new TrainingContext { Threads = 1 });
        var two = CkeModel.Fit(data, options, new TrainingContext { Threads = 2 });
        for (int u = 0; u < data.Users.Count; u++)
        {
            Assert.True(one.UserVector(u).SequenceEqual(two.UserVector(u)), $"user {u} differs");
        }

        for (int i = 0; i < data.Items.Count; i++)
        {
            Assert.True(one.ItemVector(i).SequenceEqual(two.ItemVector(i)), $"item {i} differs");
        }
    }

    [Fact]
    public void Fit_ScoresColdItemsThroughTheirEntity_AboveChance()
    {
        // Items 32..39 get no training rows at all; users must still rank the cold items of their own genres first,
        // which only the entity half of v_j (tied by TransR to the item's genre) can tell them.
        var full = Genres();
        var warm = full.WithInteractions([.. full.Interactions.Where(r => r.Item < 32)]);
        var model = CkeModel.Fit(warm, CkeContractTests.Tiny with { Factors = 16, Epochs = 40, BatchSize = 64, KnowledgeBatchSize = 80, ColdNegatives = false }, OneThread);
        int hits = 0;
        for (int u = 0; u < 60; u++)
        {
            var top = model.Recommend(u, 2, new KnowRec.Models.RecommendOptions { Candidates = [.. Enumerable.Range(32, 8)] });
            hits += top.Count(r => r.Item % 8 == u % 8 || r.Item % 8 == (u + 3) % 8);
        }

        // Chance puts 2 of the 8 cold items, those of the user's genres, in a top 2 a quarter of the time: 30 of 120
        // expected. (Measured: 69; 38 when cold items are also sampled negatives, which pushes them below every user.)
        Assert.True(hits > 55, $"{hits} of 120 cold picks in the user's genres");
    }

    public static TheoryData<string, CkeOptions> Changes => new()
    {
        { "Factors", new() { Factors = 12 } },
        { "Epochs", new() { Epochs = 4 } },
        { "BatchSize", new() { BatchSize = 32 } },
        { "KnowledgeBatchSize", new() { KnowledgeBatchSize = 10 } },
        { "KnowledgeWeight", new() { KnowledgeWeight = 0.3f } },
        { "LearningRate", new() { LearningRate = 0.05f } },
        { "Regularization", new() { Regularization = 0.1f } },
        { "NegativeCandidates", new() { NegativeCandidates = 3 } },
        { "ColdNegatives", new() { ColdNegatives = true } },
        { "Seed", new() { Seed = 7 } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void EveryOption_ChangesTheScores(string name, CkeOptions changed)
    {
        // Items 36..39 have no rows, so whether they may be negatives matters.
        var full = Genres();
        var data = full.WithInteractions([.. full.Interactions.Where(r => r.Item < 36)]);
        CkeOptions Pin(CkeOptions o) => o with
        {
            Factors = name == "Factors" ? o.Factors : 8,
            Epochs = name == "Epochs" ? o.Epochs : 3,
            BatchSize = name == "BatchSize" ? o.BatchSize : 64,
            KnowledgeBatchSize = name == "KnowledgeBatchSize" ? o.KnowledgeBatchSize : 40,
        };
        var a = CkeModel.Fit(data, Pin(new CkeOptions()), OneThread);
        var b = CkeModel.Fit(data, Pin(changed), OneThread);
        Assert.NotEqual(a.Score(0, 1), b.Score(0, 1));
    }

    [Theory]
    [InlineData("Factors")]
    [InlineData("Epochs")]
    [InlineData("BatchSize")]
    [InlineData("KnowledgeBatchSize")]
    [InlineData("KnowledgeWeight")]
    [InlineData("LearningRate")]
    [InlineData("Regularization")]
    [InlineData("NegativeCandidates")]
    public void Validate_NamesTheBadOption(string name)
    {
        var bad = name switch
        {
            "Factors" => new CkeOptions { Factors = 0 },
            "Epochs" => new CkeOptions { Epochs = 0 },
            "BatchSize" => new CkeOptions { BatchSize = 0 },
            "KnowledgeBatchSize" => new CkeOptions { KnowledgeBatchSize = -1 },
            "KnowledgeWeight" => new CkeOptions { KnowledgeWeight = float.NaN },
            "LearningRate" => new CkeOptions { LearningRate = 0 },
            "Regularization" => new CkeOptions { Regularization = -1 },
            _ => new CkeOptions { NegativeCandidates = 0 },
        };
        Assert.Equal(name, Assert.Throws<ArgumentException>(bad.Validate).ParamName);
    }

    [Fact]
    public void Fit_WithoutGraphLoss_StillTrainsTheCollaborativePart()
    {
        var model = CkeModel.Fit(CkeContractTests.WithGraph(TinyData.Create()), CkeContractTests.Tiny with { KnowledgeWeight = 0 }, OneThread);
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);
    }
}
