using KnowRec.Data;
using KnowRec.Models.Als;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class AlsModelTests
{
    [Fact]
    public void SolveConjugateGradient_MatchesCholesky_ForOneUser()
    {
        // With k steps from x = 0, CG on a k × k SPD system is exact up to rounding (Takács et al. 2011, §3).
        const int k = 16;
        var random = new Random(3);
        var others = new float[20 * k];
        for (int i = 0; i < others.Length; i++)
        {
            others[i] = (random.NextSingle() - 0.5f) * 0.6f;
        }

        var gram = Gram(others, 20, k, 0.1f);
        int[] columns = [1, 4, 5, 9, 13, 17];
        float[] values = [1, 3, 2, 1, 5, 2];
        var exact = new float[k];
        AlsLeastSquares.SolveExact(gram, columns, values, 2f, others, exact, new float[k * k]);
        var cg = new float[k];
        cg[0] = 1e-3f;
        AlsLeastSquares.SolveConjugateGradient(gram, columns, values, 2f, others, cg, 2 * k, new float[3 * k]);
        for (int f = 0; f < k; f++)
        {
            Assert.Equal(exact[f], cg[f], 3e-4);
        }
    }

    [Fact]
    public void FoldIn_OfTrainingUsersHistory_ReproducesTheirFactors()
    {
        var data = SyntheticData(seed: 5);
        var model = AlsModel.Fit(data, AlsModelContractTests.Tiny with { Factors = 8, Iterations = 30 }, AlsModelContractTests.OneThread);
        foreach (int u in new[] { 0, 7, 19 })
        {
            float[] folded = model.FoldIn(data.Matrix.ItemsOf(u), data.Matrix.ValuesOf(u));
            var trained = model.UserFactors(u);
            for (int f = 0; f < folded.Length; f++)
            {
                Assert.Equal(trained[f], folded[f], 2e-3);
            }
        }
    }

    [Fact]
    public void FoldIn_MatchesStoredFactorsExactly_WithCholeskySolver()
    {
        var data = SyntheticData(seed: 6);
        var model = AlsModel.Fit(data, AlsModelContractTests.Tiny with { Factors = 8, Iterations = 3, Solver = AlsSolver.Cholesky }, AlsModelContractTests.OneThread);
        float[] folded = model.FoldIn(data.Matrix.ItemsOf(4), data.Matrix.ValuesOf(4));
        Assert.Equal(model.UserFactors(4).ToArray(), folded, (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void RecommendForHistory_EqualsRecommend_ForTrainingUser_WithCholeskySolver()
    {
        var data = SyntheticData(seed: 7);
        var model = AlsModel.Fit(data, AlsModelContractTests.Tiny with { Factors = 8, Iterations = 3, Solver = AlsSolver.Cholesky }, AlsModelContractTests.OneThread);
        var fromHistory = model.RecommendForHistory(data.Matrix.ItemsOf(2), data.Matrix.ValuesOf(2), 5);
        Assert.Equal(model.Recommend(2, 5).Select(r => r.Item), fromHistory.Select(r => r.Item));
    }

    [Fact]
    public void Explain_ContributionsSumToScore()
    {
        var data = SyntheticData(seed: 8);
        var model = AlsModel.Fit(data, AlsModelContractTests.Tiny with { Factors = 8, Iterations = 3, Solver = AlsSolver.Cholesky }, AlsModelContractTests.OneThread);
        for (int item = 0; item < data.Items.Count; item += 7)
        {
            var all = model.Explain(3, item, int.MaxValue);
            Assert.Equal(data.Matrix.CountOf(3), all.Count);
            Assert.Equal(model.Score(3, item), all.Sum(c => c.Weight), 1e-4);
            Assert.Equal(all.Take(2), model.Explain(3, item, 2));
            Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
        }
    }

    [Fact]
    public void EveryOption_ChangesTheModel()
    {
        var data = SyntheticData(seed: 9);
        var baseline = AlsModelContractTests.Tiny with { Factors = 8, Iterations = 4, CgSteps = 2 };
        AlsOptions[] variants =
        [
            baseline with { Factors = 6 },
            baseline with { Iterations = 5 },
            baseline with { Regularization = 1f },
            baseline with { Alpha = 5f },
            baseline with { CgSteps = 3 },
            baseline with { Solver = AlsSolver.Cholesky },
            baseline with { Seed = 7 },
        ];
        float reference = AlsModel.Fit(data, baseline, AlsModelContractTests.OneThread).Score(0, 1);
        foreach (var options in variants)
        {
            Assert.NotEqual(reference, AlsModel.Fit(data, options, AlsModelContractTests.OneThread).Score(0, 1));
        }
    }

    [Fact]
    public void Fit_GivesSameFactors_ForAnyThreadCount()
    {
        var data = SyntheticData(seed: 10);
        var one = AlsModel.Fit(data, AlsModelContractTests.Tiny with { Factors = 8 }, AlsModelContractTests.OneThread);
        var four = AlsModel.Fit(data, AlsModelContractTests.Tiny with { Factors = 8 }, new() { Threads = 4 });
        Assert.Equal(one.UserFactors(11).ToArray(), four.UserFactors(11).ToArray());
    }

    [Theory]
    [InlineData("Factors", "0")]
    [InlineData("Iterations", "0")]
    [InlineData("Regularization", "0")]
    [InlineData("Alpha", "-1")]
    [InlineData("CgSteps", "0")]
    public void Validate_NamesTheProperty_ForBadValue(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => KnowRec.Models.OptionsBinder.Bind<AlsOptions>(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void FoldIn_Throws_ForUnknownItemOrLengthMismatch()
    {
        var model = AlsModel.Fit(TinyData.Create(), AlsModelContractTests.Tiny, AlsModelContractTests.OneThread);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.FoldIn([6], [1f]));
        Assert.Throws<ArgumentException>(() => model.FoldIn([1, 2], [1f]));
    }

    // 40 users × 30 items, about a quarter of the cells filled with values 1–5, reproducible per seed.
    internal static Dataset SyntheticData(int seed)
    {
        var random = new Random(seed);
        var users = new IdMap(Enumerable.Range(0, 40).Select(u => $"u{u}"));
        var items = new IdMap(Enumerable.Range(0, 30).Select(i => $"i{i}"));
        var rows = new List<Interaction>();
        for (int u = 0; u < 40; u++)
        {
            for (int i = 0; i < 30; i++)
            {
                // Two taste groups make the data low-rank enough to be worth factorising.
                double p = (u % 2 == i % 2) ? 0.4 : 0.1;
                if (random.NextDouble() < p)
                {
                    rows.Add(new Interaction(u, i, random.Next(1, 6)));
                }
            }
        }

        return new Dataset("synthetic", users, items, rows);
    }

    private static float[] Gram(float[] factors, int rows, int k, float lambda)
    {
        var gram = new float[k * k];
        for (int r = 0; r < rows; r++)
        {
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    gram[(a * k) + b] += factors[(r * k) + a] * factors[(r * k) + b];
                }
            }
        }

        for (int a = 0; a < k; a++)
        {
            gram[(a * k) + a] += lambda;
        }

        return gram;
    }
}
