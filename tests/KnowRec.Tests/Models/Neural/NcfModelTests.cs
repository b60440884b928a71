using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;
using KnowRec.Tests.Contracts;
using KnowRec.Tests.Numerics.Autodiff;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class NcfModelTests
{
    private static readonly NcfOptions Small = new() { Factors = 3, Tower = "6,4,2", Seed = 5 };
    private static readonly int[] BatchUsers = [0, 2, 1, 2, 0];
    private static readonly int[] BatchItems = [3, 0, 1, 3, 2];

    [Fact]
    public void Forward_EqualsEquations9To12_WithExplicitConcatenation()
    {
        var network = Network();
        var logits = network.Forward(new Tape(), BatchUsers, BatchItems);
        for (int b = 0; b < BatchUsers.Length; b++)
        {
            Assert.Equal(ByHand(network, BatchUsers[b], BatchItems[b]), logits.Data[b], 1e-5);
        }
    }

    [Fact]
    public void Forward_GradientMatchesFiniteDifferences_ForEveryParameter()
    {
        var network = Network();
        GradientChecker.Check((tape, _) => network.Forward(tape, BatchUsers, BatchItems), [.. network.Parameters], step: 1e-3, tolerance: 2e-2);
    }

    [Fact]
    public void Score_EqualsNetworkForward()
    {
        var network = Network();
        var data = TinyData.Create();
        var model = NcfModel.FromNetwork(data, Small, network);
        var logits = network.Forward(new Tape(), BatchUsers, BatchItems);
        for (int b = 0; b < BatchUsers.Length; b++)
        {
            Assert.Equal(logits.Data[b], model.Score(BatchUsers[b], BatchItems[b]), 1e-5);
        }
    }

    [Fact]
    public void Fit_GivesIdenticalModel_ForOneAndTwoThreads()
    {
        var data = AlsModelTests.SyntheticData(seed: 21);
        var options = new NcfOptions { Factors = 8, Tower = "64,32", Epochs = 2, BatchSize = 512 };
        var one = NcfModel.Fit(data, options, new TrainingContext { Threads = 1 });
        var two = NcfModel.Fit(data, options, new TrainingContext { Threads = 2 });
        for (int u = 0; u < data.Users.Count; u += 3)
        {
            Assert.Equal(one.Recommend(u, 10), two.Recommend(u, 10));
        }
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = AlsModelTests.SyntheticData(seed: 22);
        var baseline = new NcfOptions { Factors = 4, Tower = "8,4", Epochs = 2, BatchSize = 64 };
        NcfOptions[] variants =
        [
            baseline with { Factors = 6 },
            baseline with { Tower = "8,4,2" },
            baseline with { Negatives = 2 },
            baseline with { NegativeCandidates = 3 },
            baseline with { Epochs = 3 },
            baseline with { BatchSize = 32 },
            baseline with { LearningRate = 0.01f },
            baseline with { WeightDecay = 0.1f },
            baseline with { Seed = 7 },
        ];
        float reference = NcfModel.Fit(data, baseline, NcfModelContractTests.OneThread).Score(0, 1);
        foreach (var options in variants)
        {
            Assert.NotEqual(reference, NcfModel.Fit(data, options, NcfModelContractTests.OneThread).Score(0, 1));
        }
    }

    [Fact]
    public void Fit_ReportsFiniteFallingLoss()
    {
        var data = AlsModelTests.SyntheticData(seed: 23);
        var losses = new List<double>();
        var context = NcfModelContractTests.OneThread with { Progress = new SyncProgress(r => losses.Add(r.Loss)) };
        NcfModel.Fit(data, new NcfOptions { Factors = 8, Tower = "16,8", Epochs = 8, BatchSize = 64 }, context);
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
        Assert.ThrowsAny<OperationCanceledException>(() => NcfModel.Fit(TinyData.Create(), NcfModelContractTests.Tiny(), context));
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Tower", "64")]
    [InlineData("Tower", "63,8")]
    [InlineData("Tower", "64,x")]
    [InlineData("Tower", "64,0")]
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
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<NcfOptions>(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }

    // TinyData's 5 users and 6 items; values spread to ±1 so that ReLU inputs sit away from their kink for the finite differences.
    private static NcfNetwork Network()
    {
        var network = new NcfNetwork(5, 6, Small, new Random(3));
        var random = new Random(4);
        foreach (var table in new[] { network.GmfUsers, network.GmfItems, network.MlpUsers, network.MlpItems, network.FirstBias })
        {
            for (int i = 0; i < table.Length; i++)
            {
                table.Data[i] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        return network;
    }

    // Eqs. 9–12 with the concatenations written out: W₁·[p; q] + b₁ and h·[φ_GMF; φ_MLP] + b, naive loops in double.
    private static double ByHand(NcfNetwork network, int user, int item)
    {
        int f = Small.Factors, half = 3;
        double[] concat = [.. network.MlpUsers.Data.Skip(user * half).Take(half).Concat(network.MlpItems.Data.Skip(item * half).Take(half)).Select(v => (double)v)];
        float[] w1 = [.. network.FirstUser.Data, .. network.FirstItem.Data];
        double[] h = Layer(concat, w1, network.FirstBias.Data);
        foreach (var layer in network.Hidden)
        {
            h = Layer(h, layer.Weight.Data, layer.Bias.Data);
        }

        double[] gmf = [.. Enumerable.Range(0, f).Select(k => (double)network.GmfUsers.Data[(user * f) + k] * network.GmfItems.Data[(item * f) + k])];
        double[] fused = [.. gmf, .. h];
        float[] output = [.. network.OutputGmf.Data, .. network.OutputMlp.Data];
        return fused.Select((v, k) => v * output[k]).Sum() + network.OutputBias.Data[0];
    }

    private static double[] Layer(double[] x, float[] weight, float[] bias)
    {
        int outputs = bias.Length;
        var y = new double[outputs];
        for (int j = 0; j < outputs; j++)
        {
            double sum = bias[j];
            for (int k = 0; k < x.Length; k++)
            {
                sum += x[k] * weight[(k * outputs) + j];
            }

            y[j] = Math.Max(sum, 0);
        }

        return y;
    }
}
