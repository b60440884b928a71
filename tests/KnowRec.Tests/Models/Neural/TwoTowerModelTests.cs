using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class TwoTowerModelTests
{
    private const int Hits = 4;
    private const int Catalogue = 40;
    private const int ColdHit = 40;
    private const int ColdNiche = 41;

    private static readonly TwoTowerOptions Quick = new() { Factors = 8, Hidden = 16, Negatives = 16, Epochs = 30, BatchSize = 64, LearningRate = 0.01f, IdDropout = 0.2f };

    [Fact]
    public void ColdItem_WithFeaturesOfPopularItem_ScoresAboveRandomItems()
    {
        var data = HitsData();
        var model = TwoTowerModel.Fit(data, Genres(data), null, Quick, TwoTowerModelContractTests.OneThread);

        // ColdHit has no interactions but the features of the hits, which nearly every user has; the niche items are
        // each liked by a tenth of users. Scored from its features, the cold hit must beat a random niche item, and
        // the cold niche item, for almost every user.
        int users = data.Users.Count, beatsMedian = 0, beatsColdNiche = 0;
        for (int u = 0; u < users; u++)
        {
            var niche = Enumerable.Range(Hits, Catalogue - Hits).Select(i => model.Score(u, i)).Order().ToList();
            float cold = model.Score(u, ColdHit);
            beatsMedian += cold > niche[niche.Count / 2] ? 1 : 0;
            beatsColdNiche += cold > model.Score(u, ColdNiche) ? 1 : 0;
        }

        Assert.True(beatsMedian >= 0.9 * users, $"the cold hit beat the median niche item for {beatsMedian} of {users} users");
        Assert.True(beatsColdNiche >= 0.9 * users, $"the cold hit beat the cold niche item for {beatsColdNiche} of {users} users");
    }

    [Fact]
    public void Fit_ReadsDatasetGenres_ByDefault()
    {
        var data = HitsData();
        Assert.Equal(2, TwoTowerModel.Fit(data, Quick with { Epochs = 1 }, TwoTowerModelContractTests.OneThread).ItemFeatureCount);
        Assert.Equal(0, TwoTowerModel.Fit(data, Quick with { Epochs = 1, ItemGenres = false }, TwoTowerModelContractTests.OneThread).ItemFeatureCount);
    }

    [Fact]
    public void EmbedItem_EqualsVectorOfColdItem_WithSameFeatures()
    {
        var data = HitsData();
        var features = Genres(data);
        var model = TwoTowerModel.Fit(data, features, null, Quick with { Epochs = 2 }, TwoTowerModelContractTests.OneThread);
        Assert.Equal(model.ItemVector(ColdHit).ToArray(), model.EmbedItem(features.Row(ColdHit)));
        Assert.Throws<ArgumentException>(() => model.EmbedItem([1f]));
    }

    [Fact]
    public void SaveLoad_KeepsVectorsAndFeatureTower()
    {
        var data = HitsData();
        var features = Genres(data);
        var model = TwoTowerModel.Fit(data, features, null, Quick with { Epochs = 2 }, TwoTowerModelContractTests.OneThread);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = (TwoTowerModel)ModelCatalog.Load(stream);
        Assert.Equal(model.ItemFeatureCount, loaded.ItemFeatureCount);
        Assert.Equal(model.EmbedItem([0f, 1f]), loaded.EmbedItem([0f, 1f]));
        Assert.Equal(model.UserVector(3).ToArray(), loaded.UserVector(3).ToArray());
    }

    [Fact]
    public void Fit_Throws_ForFeatureRowsNotMatchingCatalogue()
    {
        var data = HitsData();
        var wrong = new FeatureMatrix(3, 2, new float[6]);
        Assert.Throws<ArgumentException>(() => TwoTowerModel.Fit(data, wrong, null, Quick));
        Assert.Throws<ArgumentException>(() => TwoTowerModel.Fit(data, null, wrong, Quick));
    }

    [Fact]
    public void TowerWeights_EqualTowerForward()
    {
        var tower = new Tower(5, 4, 3, 6, new Random(9));
        var random = new Random(10);
        foreach (var parameter in tower.Parameters)
        {
            for (int i = 0; i < parameter.Length; i++)
            {
                parameter.Data[i] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        var features = Tensor.FromArray([.. Enumerable.Range(0, 9).Select(i => i * 0.1f - 0.4f)], [3, 3]);
        int[] ids = [4, 0, tower.UnknownRow];
        var forward = tower.Forward(new Tape(), ids, features);
        var weights = tower.Export();
        for (int r = 0; r < 3; r++)
        {
            var vector = new float[4];
            weights.Embed(ids[r], features.Data.AsSpan(r * 3, 3), vector);
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(forward.Data[(r * 4) + k], vector[k], 1e-5);
            }
        }
    }

    [Fact]
    public void Tower_GradientMatchesFiniteDifferences_ForEveryParameter()
    {
        var tower = new Tower(5, 3, 2, 4, new Random(11));
        var random = new Random(12);
        foreach (var parameter in tower.Parameters)
        {
            for (int i = 0; i < parameter.Length; i++)
            {
                parameter.Data[i] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        var features = Tensor.FromArray([0.5f, -0.3f, 0.2f, 0.9f, -0.7f, 0.1f], [3, 2]);
        KnowRec.Tests.Numerics.Autodiff.GradientChecker.Check((tape, _) => tower.Forward(tape, [1, 5, 1], features), [.. tower.Parameters], step: 1e-3, tolerance: 2e-2);
    }

    [Fact]
    public void Fit_GivesIdenticalModel_ForOneAndTwoThreads()
    {
        var data = HitsData();
        var options = Quick with { Epochs = 2, Factors = 32, Hidden = 64, BatchSize = 256, Negatives = 256 };
        var one = TwoTowerModel.Fit(data, options, new TrainingContext { Threads = 1 });
        var two = TwoTowerModel.Fit(data, options, new TrainingContext { Threads = 2 });
        for (int u = 0; u < data.Users.Count; u += 7)
        {
            Assert.Equal(one.UserVector(u).ToArray(), two.UserVector(u).ToArray());
        }
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = HitsData();
        var baseline = Quick with { Epochs = 2 };
        TwoTowerOptions[] variants =
        [
            baseline with { Factors = 6 },
            baseline with { Hidden = 0 },
            baseline with { Negatives = 4 },
            baseline with { LogQCorrection = false },
            baseline with { IdDropout = 0.5f },
            baseline with { ItemGenres = false },
            baseline with { Epochs = 3 },
            baseline with { BatchSize = 32 },
            baseline with { LearningRate = 0.02f },
            baseline with { WeightDecay = 0.1f },
            baseline with { Seed = 7 },
        ];
        float reference = TwoTowerModel.Fit(data, baseline, TwoTowerModelContractTests.OneThread).Score(0, 1);
        foreach (var options in variants)
        {
            Assert.NotEqual(reference, TwoTowerModel.Fit(data, options, TwoTowerModelContractTests.OneThread).Score(0, 1));
        }
    }

    [Fact]
    public void Fit_ReportsFiniteFallingLoss()
    {
        var losses = new List<double>();
        var context = TwoTowerModelContractTests.OneThread with { Progress = new SyncProgress(r => losses.Add(r.Loss)) };
        TwoTowerModel.Fit(HitsData(), Quick with { Epochs = 8 }, context);
        Assert.Equal(8, losses.Count);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        Assert.True(losses[^1] < losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public void Fit_Throws_WhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var context = new TrainingContext { Threads = 1, Cancellation = cancellation.Token };
        Assert.ThrowsAny<OperationCanceledException>(() => TwoTowerModel.Fit(TinyData.Create(), TwoTowerModelContractTests.Tiny(), context));
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Hidden", "-1")]
    [InlineData("Negatives", "-1")]
    [InlineData("IdDropout", "1")]
    [InlineData("Epochs", "0")]
    [InlineData("Patience", "-1")]
    [InlineData("ValidationShare", "0")]
    [InlineData("ValidationShare", "1")]
    [InlineData("BatchSize", "0")]
    [InlineData("LearningRate", "0")]
    [InlineData("WeightDecay", "-1")]
    public void Validate_NamesTheProperty_ForBadValue(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<TwoTowerOptions>(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }

    // 100 users, 40 items plus two cold ones. Items 0–3 ("hit") are liked by 80 % of users, items 4–39 ("niche") by a
    // random 10 % each; item 40 is a hit and item 41 a niche item, neither with any interaction.
    private static Dataset HitsData()
    {
        var random = new Random(17);
        var users = new IdMap(Enumerable.Range(0, 100).Select(u => $"u{u}"));
        var items = new IdMap(Enumerable.Range(0, Catalogue + 2).Select(i => $"i{i}"));
        var rows = new List<Interaction>();
        for (int u = 0; u < 100; u++)
        {
            for (int i = 0; i < Catalogue; i++)
            {
                if (random.NextDouble() < (i < Hits ? 0.8 : 0.1))
                {
                    rows.Add(new Interaction(u, i, 1));
                }
            }
        }

        var metadata = Enumerable.Range(0, Catalogue + 2)
            .Select(i => (ItemMetadata?)new ItemMetadata { Genres = [i < Hits || i == ColdHit ? "hit" : "niche"] })
            .ToList();
        return new Dataset("hits", users, items, rows) { ItemMetadata = metadata };
    }

    private static FeatureMatrix Genres(Dataset data) => CatalogueFeatures.ItemGenres(data)!;
}
