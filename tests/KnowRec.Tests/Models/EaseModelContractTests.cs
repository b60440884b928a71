using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Ease;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class EaseModelContractTests : RecommenderContractTests
{
    protected override IRecommender Fit(Dataset train, int seed) => EaseModel.Fit(train);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // Default λ = 2 × (11 entries / 6 items); B from a plain Gauss-Jordan inverse of XᵀX + λI, then u2 (items 0, 2)
        // scores item j as B[0, j] + B[2, j].
        var b = ExpectedWeights(TinyData.Create(), 2.0 * 11 / 6);
        var expected = new[] { 1, 3, 4, 5 }
            .Select(j => new ScoredItem(j, (float)(b[0, j] + b[2, j])))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Item).ToList();
        var actual = model.Recommend(2, 10);
        Assert.Equal(expected.Select(s => s.Item), actual.Select(s => s.Item));
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Score, actual[k].Score, 5);
        }

        // u4 has no history: every score is zero, so the order is the item order.
        Assert.Equal([new(0, 0f), new(1, 0f), new(2, 0f)], model.Recommend(4, 3));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(100.0)]
    public void Fit_MatchesClosedForm_ForExplicitRegularization(double lambda)
    {
        var data = TinyData.Create();
        var model = EaseModel.Fit(data, new EaseOptions { Regularization = lambda });
        var b = ExpectedWeights(data, lambda);
        Assert.Equal(lambda, model.Lambda);
        for (int i = 0; i < 6; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                Assert.Equal(b[i, j], model.Weights[(i * 6) + j], 5);
            }
        }
    }

    [Fact]
    public void Fit_ScalesLambdaWithDensity_WhenRegularizationIsUnset()
    {
        var data = TinyData.Create();
        Assert.Equal(3.0 * 11 / 6, EaseModel.Fit(data, new EaseOptions { RegularizationScale = 3.0 }).Lambda, 12);
        Assert.NotEqual(EaseModel.Fit(data).Weights[1], EaseModel.Fit(data, new EaseOptions { RegularizationScale = 3.0 }).Weights[1]);
    }

    [Fact]
    public void Fit_TreatsValuesAsPresence()
    {
        var data = TinyData.Create();
        var weighted = data.WithInteractions([.. data.Interactions.Select(r => r with { Value = r.Value * 4 })]);
        Assert.Equal(EaseModel.Fit(data).Weights.ToArray(), EaseModel.Fit(weighted).Weights.ToArray());
    }

    [Theory]
    [InlineData(0.0, 1.0, "Regularization")]
    [InlineData(-1.0, 1.0, "Regularization")]
    [InlineData(double.NaN, 1.0, "Regularization")]
    [InlineData(null, 0.0, "RegularizationScale")]
    [InlineData(null, double.PositiveInfinity, "RegularizationScale")]
    public void Validate_RejectsNonPositiveRegularization_NamingTheProperty(double? lambda, double scale, string property)
    {
        var e = Assert.Throws<ArgumentException>(() => new EaseOptions { Regularization = lambda, RegularizationScale = scale }.Validate());
        Assert.Equal(property, e.ParamName);
    }

    // B = I − P·diagMat(1 ⊘ diag(P)) with P = (XᵀX + λI)⁻¹ for binary X (Steck 2019, eq. 8), by Gauss-Jordan elimination.
    private static double[,] ExpectedWeights(Dataset data, double lambda)
    {
        int n = data.Items.Count;
        var g = new double[n, 2 * n];
        for (int u = 0; u < data.Users.Count; u++)
        {
            foreach (int i in data.Matrix.ItemsOf(u))
            {
                foreach (int j in data.Matrix.ItemsOf(u))
                {
                    g[i, j] += 1;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            g[i, i] += lambda;
            g[i, n + i] = 1;
        }

        for (int col = 0; col < n; col++)
        {
            double pivot = g[col, col];
            for (int j = 0; j < 2 * n; j++)
            {
                g[col, j] /= pivot;
            }

            for (int row = 0; row < n; row++)
            {
                double factor = g[row, col];
                if (row != col)
                {
                    for (int j = 0; j < 2 * n; j++)
                    {
                        g[row, j] -= factor * g[col, j];
                    }
                }
            }
        }

        var b = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                b[i, j] = i == j ? 0 : -g[i, n + j] / g[j, n + j];
            }
        }

        return b;
    }
}
