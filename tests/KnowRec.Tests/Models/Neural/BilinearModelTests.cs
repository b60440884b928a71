using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class BilinearModelTests
{
    private static readonly BilinearOptions Small = new() { Factors = 6, Epochs = 3, BatchSize = 64 };

    [Theory]
    [InlineData(BilinearLoss.Bpr)]
    [InlineData(BilinearLoss.Bce)]
    public void Score_EqualsBilinearForm_ComputedByLoops(BilinearLoss loss)
    {
        var data = AlsModelTests.SyntheticData(seed: 31);
        var model = BilinearModel.Fit(data, Small with { Loss = loss }, BilinearModelContractTests.OneThread);
        int d = Small.Factors;
        foreach (var (u, i) in new[] { (0, 1), (5, 7), (39, 29) })
        {
            var x = model.UserVector(u);
            var y = model.ItemVector(i);
            double expected = model.ItemBiases[i];
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    expected += (double)x[a] * model.Weight[(a * d) + b] * y[b];
                }
            }

            Assert.Equal(expected, model.Score(u, i), 1e-4);
        }
    }

    [Fact]
    public void Fit_LearnsWeightMatrix_StartingFromIdentity()
    {
        var model = BilinearModel.Fit(AlsModelTests.SyntheticData(seed: 32), Small, BilinearModelContractTests.OneThread);
        int d = Small.Factors;
        var identity = new float[d * d];
        for (int k = 0; k < d; k++)
        {
            identity[(k * d) + k] = 1f;
        }

        Assert.NotEqual(identity, model.Weight.ToArray());
    }

    [Fact]
    public void Fit_GivesIdenticalModel_ForOneAndTwoThreads()
    {
        var data = AlsModelTests.SyntheticData(seed: 33);
        var options = Small with { Factors = 64, BatchSize = 512 };
        var one = BilinearModel.Fit(data, options, new TrainingContext { Threads = 1 });
        var two = BilinearModel.Fit(data, options, new TrainingContext { Threads = 2 });
        for (int u = 0; u < data.Users.Count; u += 3)
        {
            Assert.Equal(one.Recommend(u, 10), two.Recommend(u, 10));
        }
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = AlsModelTests.SyntheticData(seed: 34);
        BilinearOptions[] variants =
        [
            Small with { Factors = 4 },
            Small with { Loss = BilinearLoss.Bce },
            Small with { Negatives = 2 },
            Small with { NegativeCandidates = 3 },
            Small with { Epochs = 4 },
            Small with { BatchSize = 32 },
            Small with { LearningRate = 0.01f },
            Small with { WeightDecay = 0.1f },
            Small with { Seed = 7 },
        ];
        float reference = BilinearModel.Fit(data, Small, BilinearModelContractTests.OneThread).Score(0, 1);
        foreach (var options in variants)
        {
            Assert.NotEqual(reference, BilinearModel.Fit(data, options, BilinearModelContractTests.OneThread).Score(0, 1));
        }
    }

    [Theory]
    [InlineData(BilinearLoss.Bpr)]
    [InlineData(BilinearLoss.Bce)]
    public void Fit_ReportsFiniteFallingLoss(BilinearLoss loss)
    {
        var losses = new List<double>();
        var context = BilinearModelContractTests.OneThread with { Progress = new SyncProgress(r => losses.Add(r.Loss)) };
        BilinearModel.Fit(AlsModelTests.SyntheticData(seed: 35), Small with { Loss = loss, Epochs = 8 }, context);
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
        Assert.ThrowsAny<OperationCanceledException>(() => BilinearModel.Fit(TinyData.Create(), BilinearModelContractTests.Tiny(), context));
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Loss", "hinge")]
    [InlineData("Negatives", "0")]
    [InlineData("NegativeCandidates", "0")]
    [InlineData("Epochs", "0")]
    [InlineData("Patience", "-1")]
    [InlineData("ValidationShare", "0")]
    [InlineData("ValidationShare", "1")]
    [InlineData("BatchSize", "0")]
    [InlineData("LearningRate", "0")]
    [InlineData("WeightDecay", "-1")]
    public void Validate_NamesTheProperty_ForBadValue(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<BilinearOptions>(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }
}
