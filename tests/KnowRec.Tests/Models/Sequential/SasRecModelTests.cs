using KnowRec.Data;
using KnowRec.Models.Sequential;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Sequential;

public sealed class SasRecModelTests
{
    private static readonly SasRecOptions Small = SasRecModelContractTests.Small;
    private static readonly TrainingContext OneThread = SasRecModelContractTests.OneThread;

    /// <summary>
    /// 24 users over 12 items; user u consumed u, u+1, …, u+5 (mod 12) in that order, so the only move ever seen from item
    /// j is to j + 1. Rows are listed newest first, so only the timestamps tell the order.
    /// </summary>
    internal static Dataset ChainData()
    {
        var users = new IdMap(Enumerable.Range(0, 24).Select(u => $"u{u}"));
        var items = new IdMap(Enumerable.Range(0, 12).Select(i => $"i{i}"));
        var rows = new List<Interaction>();
        for (int u = 0; u < 24; u++)
        {
            for (int t = 5; t >= 0; t--)
            {
                rows.Add(new Interaction(u, (u + t) % 12, 1f, 1000 + (u * 10) + t));
            }
        }

        return new Dataset("chain", users, items, rows) { HasTimestamps = true };
    }

    [Fact]
    public void Recommend_RanksSuccessorOfLastItemFirst_OnChainData()
    {
        var model = SasRecModel.Fit(ChainData(), Small with { MaxLength = 6, Epochs = 60 }, OneThread);

        for (int u = 0; u < 24; u++)
        {
            Assert.Equal((u + 6) % 12, model.Recommend(u, 1)[0].Item);
        }
    }

    [Fact]
    public void Fit_GivesIdenticalModels_ForAnyThreadCount()
    {
        var data = ChainData();
        var options = Small with { MaxLength = 6, Epochs = 3, Dropout = 0.3f, Heads = 2 };

        var one = SasRecModel.Fit(data, options, OneThread);
        var two = SasRecModel.Fit(data, options, new TrainingContext { Threads = 2 });

        for (int u = 0; u < 24; u++)
        {
            Assert.Equal(one.UserState(u).ToArray(), two.UserState(u).ToArray());
        }
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = ChainData();
        var baseline = Small with { MaxLength = 5, Epochs = 2, Dropout = 0.1f, Heads = 1 };
        SasRecOptions[] variants =
        [
            baseline with { MaxLength = 4 },
            baseline with { Factors = 6 },
            baseline with { Blocks = 2 },
            baseline with { Heads = 2 },
            baseline with { Dropout = 0.3f },
            baseline with { LearningRate = 0.02f },
            baseline with { BatchSize = 3 },
            baseline with { Epochs = 3 },
            baseline with { Seed = 7 },
        ];
        float reference = SasRecModel.Fit(data, baseline, OneThread).Score(0, 1);
        foreach (var options in variants)
        {
            Assert.NotEqual(reference, SasRecModel.Fit(data, options, OneThread).Score(0, 1));
        }
    }

    [Fact]
    public void Fit_ReportsFiniteFallingLoss()
    {
        var losses = new List<double>();
        SasRecModel.Fit(ChainData(), Small with { MaxLength = 6, Epochs = 30 }, OneThread with { Progress = new SyncProgress(r => losses.Add(r.Loss)) });

        Assert.Equal(30, losses.Count);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        Assert.True(losses[^1] < losses[0] * 0.5, $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public void UserSequences_OrderByTimestamp_TiesInRowOrder()
    {
        var users = new IdMap(["a", "b"]);
        var items = new IdMap(["x", "y", "z", "w"]);
        Interaction[] rows = [new(0, 0, 1, 30), new(1, 3, 1), new(0, 1, 1, 10), new(0, 2, 1, 30), new(0, 3, 1, 20), new(1, 0, 1)];

        var sequences = UserSequences.FromDataset(new Dataset("t", users, items, rows));

        Assert.Equal([1, 3, 0, 2], sequences.Of(0).ToArray());
        Assert.Equal([3, 0], sequences.Of(1).ToArray());
    }

    [Theory]
    [InlineData(nameof(SasRecOptions.MaxLength))]
    [InlineData(nameof(SasRecOptions.Factors))]
    [InlineData(nameof(SasRecOptions.Blocks))]
    [InlineData(nameof(SasRecOptions.Heads))]
    [InlineData(nameof(SasRecOptions.Dropout))]
    [InlineData(nameof(SasRecOptions.LearningRate))]
    [InlineData(nameof(SasRecOptions.BatchSize))]
    [InlineData(nameof(SasRecOptions.Epochs))]
    public void Validate_NamesTheBadOption(string name)
    {
        var options = name switch
        {
            nameof(SasRecOptions.MaxLength) => new SasRecOptions { MaxLength = 0 },
            nameof(SasRecOptions.Factors) => new SasRecOptions { Factors = 0 },
            nameof(SasRecOptions.Blocks) => new SasRecOptions { Blocks = -1 },
            nameof(SasRecOptions.Heads) => new SasRecOptions { Heads = 3 },
            nameof(SasRecOptions.Dropout) => new SasRecOptions { Dropout = 1f },
            nameof(SasRecOptions.LearningRate) => new SasRecOptions { LearningRate = 0f },
            nameof(SasRecOptions.BatchSize) => new SasRecOptions { BatchSize = 0 },
            _ => new SasRecOptions { Epochs = 0 },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(name, error.ParamName);
    }

    private sealed class SyncProgress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
