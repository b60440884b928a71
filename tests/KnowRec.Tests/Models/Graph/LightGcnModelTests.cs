using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Graph;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Tests.Contracts;
using KnowRec.Tests.Numerics.Autodiff;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Graph;

public sealed class LightGcnModelTests
{
    private static readonly LightGcnOptions Tiny = LightGcnModelContractTests.Tiny;
    private static readonly TrainingContext OneThread = LightGcnModelContractTests.OneThread;

    [Fact]
    public void Normalized_HoldsOneOverRootDegreeProducts_Symmetrically()
    {
        // TinyData (nodes u0..u4, then i0..i5 at 5..10): u0 has 3 items and i0 4 users, so Ã[u0, i0] = 1/√12; i4's
        // only user is u3 (3 items): 1/√3; i1 has 3 users and u1 3 items: 1/3. u4 and i5 have no edges.
        var data = TinyData.Create();
        var graph = LightGcnGraph.Normalized(data.Matrix);
        var dense = Dense(graph);
        int n = graph.Rows;
        Assert.Equal(11, n);
        Assert.True(graph.IsSymmetric);
        Assert.Equal(22, graph.NonZeros);
        Assert.Equal((float)(1 / Math.Sqrt(12)), dense[(0 * n) + 5 + 0], 6);
        Assert.Equal((float)(1 / Math.Sqrt(3)), dense[((5 + 4) * n) + 3], 6);
        Assert.Equal(1f / 3, dense[((5 + 1) * n) + 1], 6);
        Assert.Equal(0, graph.RowStarts[5] - graph.RowStarts[4]);
        Assert.Equal(0, graph.RowStarts[11] - graph.RowStarts[10]);
    }

    [Fact]
    public void Propagate_EqualsMeanOfDensePowers()
    {
        // E = (E⁰ + ÃE⁰ + Ã²E⁰ + Ã³E⁰) / 4, computed here with dense products in double.
        var graph = LightGcnGraph.Normalized(TinyData.Create().Matrix);
        int n = graph.Rows, d = 5;
        var e0 = GradientChecker.Random([n, d], 3, requiresGrad: false);
        var result = LightGcnModel.Propagate(new Tape(), graph, e0, 3);

        var a = Dense(graph);
        var layer = e0.Data.Select(v => (double)v).ToArray();
        var sum = (double[])layer.Clone();
        for (int k = 0; k < 3; k++)
        {
            var next = new double[n * d];
            for (int i = 0; i < n; i++)
            {
                for (int p = 0; p < n; p++)
                {
                    for (int j = 0; j < d; j++)
                    {
                        next[(i * d) + j] += a[(i * n) + p] * layer[(p * d) + j];
                    }
                }
            }

            layer = next;
            for (int x = 0; x < sum.Length; x++)
            {
                sum[x] += layer[x];
            }
        }

        for (int x = 0; x < sum.Length; x++)
        {
            Assert.Equal(sum[x] / 4, result.Data[x], 1e-5);
        }
    }

    [Fact]
    public void Objective_GradientMatchesFiniteDifferences()
    {
        // The training objective end to end: propagation, scores of (user, positive, negative) rows, BPR and the L2
        // term on the layer-0 rows, as LightGcnModel's training step composes them.
        var graph = LightGcnGraph.Normalized(TinyData.Create().Matrix);
        int[] users = [0, 2, 3], positives = [5, 7, 9], negatives = [10, 8, 6];
        GradientChecker.Check(
            (t, x) =>
            {
                var final = LightGcnModel.Propagate(t, graph, x[0], 2);
                var u = Ops.EmbeddingLookup(t, final, users);
                var loss = Ops.BprLoss(t, Ops.RowDot(t, u, Ops.EmbeddingLookup(t, final, positives)), Ops.RowDot(t, u, Ops.EmbeddingLookup(t, final, negatives)));
                return Ops.Add(t, loss, Ops.SquaredNorm(t, Ops.EmbeddingLookup(t, x[0], [.. users, .. positives, .. negatives]), 0.05f));
            },
            [GradientChecker.Random([graph.Rows, 3], 4)]);
    }

    [Fact]
    public void Fit_GivesIdenticalModels_ForOneAndTwoThreads()
    {
        // 12,000 pairs make a 24,000-entry graph, so the sparse products run in several pieces.
        var data = Synthetic(users: 150, items: 160, density: 0.5, seed: 2);
        var options = new LightGcnOptions { Factors = 16, Epochs = 2, BatchSize = 4096 };
        var one = LightGcnModel.Fit(data, options, OneThread);
        var two = LightGcnModel.Fit(data, options, new TrainingContext { Threads = 2 });
        for (int u = 0; u < 150; u += 7)
        {
            Assert.Equal(one.UserEmbedding(u).ToArray(), two.UserEmbedding(u).ToArray());
        }

        for (int i = 0; i < 160; i += 7)
        {
            Assert.Equal(one.ItemEmbedding(i).ToArray(), two.ItemEmbedding(i).ToArray());
        }
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = BlockData.Create();
        var baseline = Tiny with { Epochs = 5 };
        LightGcnOptions[] variants =
        [
            baseline with { Factors = 6 },
            baseline with { Layers = 1 },
            baseline with { Epochs = 6 },
            baseline with { BatchSize = 5 },
            baseline with { LearningRate = 0.01f },
            baseline with { Regularization = 0.5f },
            baseline with { Sampling = LightGcnSampling.Pairs },
            baseline with { NegativeCandidates = 3 },
            baseline with { Seed = 7 },
        ];
        float reference = LightGcnModel.Fit(data, baseline, OneThread).Score(0, 1);
        foreach (var options in variants)
        {
            Assert.NotEqual(reference, LightGcnModel.Fit(data, options, OneThread).Score(0, 1));
        }
    }

    [Fact]
    public void Fit_WithoutLayers_StillLearnsTheBlocks()
    {
        // K = 0 leaves E = E⁰: matrix factorisation trained by BPR, which must still find BlockData's missing items.
        // Uniform negatives: with so few unseen items per user, the hardest of 5 draws is mostly the missing item itself.
        var model = LightGcnModel.Fit(BlockData.Create(), Tiny with { Layers = 0, BatchSize = 8, Epochs = 100, NegativeCandidates = 1 }, OneThread);
        for (int u = 0; u < 8; u++)
        {
            Assert.Equal(u, model.Recommend(u, 5)[0].Item);
        }
    }

    [Fact]
    public void Fit_ReportsEveryEpoch_AndSnapshotsMatchTheFinalModel()
    {
        var data = TinyData.Create();
        var losses = new List<double>();
        LightGcnModel? last = null;
        var model = LightGcnModel.Fit(data, Tiny with { Epochs = 12 }, OneThread with { Progress = new Reporter(r => losses.Add(r.Loss)) }, (_, snapshot) => last = snapshot);
        Assert.Equal(12, losses.Count);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        Assert.True(losses[^1] < losses[0], $"loss went from {losses[0]} to {losses[^1]}");
        for (int u = 0; u < 5; u++)
        {
            Assert.Equal(model.Recommend(u, 6), last!.Recommend(u, 6));
        }
    }

    [Fact]
    public void Fit_Throws_WhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => LightGcnModel.Fit(TinyData.Create(), Tiny, OneThread with { Cancellation = cancel.Token }));
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Layers", "-1")]
    [InlineData("Layers", "11")]
    [InlineData("Epochs", "0")]
    [InlineData("BatchSize", "0")]
    [InlineData("LearningRate", "0")]
    [InlineData("Regularization", "-1")]
    [InlineData("Sampling", "7")]
    [InlineData("NegativeCandidates", "0")]
    public void Validate_NamesTheProperty_ForBadValue(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => OptionsBinder.Bind<LightGcnOptions>(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Catalog_FitsAndLoadsLightGcn()
    {
        var entry = ModelCatalog.Get("lightgcn");
        var model = entry.Fit(TinyData.Create(), new Dictionary<string, string> { ["Epochs"] = "2", ["Factors"] = "4" }, OneThread);
        Assert.Equal("lightgcn", model.Kind);
    }

    private static float[] Dense(SparseMatrix graph)
    {
        int n = graph.Rows;
        var dense = new float[n * graph.Columns];
        for (int r = 0; r < n; r++)
        {
            for (int e = graph.RowStarts[r]; e < graph.RowStarts[r + 1]; e++)
            {
                dense[(r * graph.Columns) + graph.ColumnIndices[e]] = graph.Values[e];
            }
        }

        return dense;
    }

    private static Dataset Synthetic(int users, int items, double density, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Interaction>();
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < items; i++)
            {
                if (random.NextDouble() < density)
                {
                    rows.Add(new Interaction(u, i, 1));
                }
            }
        }

        return new Dataset("synthetic", new IdMap(Enumerable.Range(0, users).Select(u => $"u{u}")), new IdMap(Enumerable.Range(0, items).Select(i => $"i{i}")), rows);
    }

    private sealed class Reporter(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
