using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Knn;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Knn;

public sealed class UserKnnModelContractTests : RecommenderContractTests
{
    private static readonly KnnOptions HandOptions = new() { Weighting = KnnWeighting.None, Neighbours = 100 };

    protected override IRecommender Fit(Dataset train, int seed) => UserKnnModel.Fit(train, HandOptions);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // User rows: u0 {i0,i1,i3}, u1 {i0,i1,i2}, u2 {i0,i2}, u3 {i0,i1,i4}. u2's cosines: u1 = 2/√6 = 0.8165,
        // u0 = u3 = 1/√6 = 0.4082. Scores: i1 (rated by u0, u1, u3) = 0.4082 + 0.8165 + 0.4082 = 1.6330,
        // i3 (u0) = 0.4082, i4 (u3) = 0.4082, i5 = 0.
        var list = model.Recommend(2, 10);
        Assert.Equal([1, 3, 4, 5], list.Select(r => r.Item));
        Assert.Equal(4 / MathF.Sqrt(6), list[0].Score, 5);
        Assert.Equal(1 / MathF.Sqrt(6), list[1].Score, 5);

        // Each neighbour's term goes to the items it shares with u2: u0 and u3 share only i0; u1 shares i0 and i2 equally.
        // i0 = 0.4082 + 0.4082 + 0.8165/2 = 1.2247, i2 = 0.8165/2 = 0.4082; together the score 1.6330.
        var explanation = ((IExplainableRecommender)model).Explain(2, 1, 5);
        Assert.Equal([0, 2], explanation.Select(c => c.Item));
        Assert.Equal(3 / MathF.Sqrt(6), explanation[0].Weight, 5);
        Assert.Equal(1 / MathF.Sqrt(6), explanation[1].Weight, 5);
    }

    [Fact]
    public void Explain_SumsToScore_OnRandomRatings_AfterLoad()
    {
        var data = RandomRatings.Create();
        var fitted = UserKnnModel.Fit(data, new KnnOptions { Neighbours = 5, Similarity = KnnSimilarity.AdjustedCosine, Shrinkage = 2 });
        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;
        var model = UserKnnModel.Load(stream);
        for (int u = 0; u < data.Users.Count; u++)
        {
            for (int i = 0; i < data.Items.Count; i++)
            {
                var parts = model.Explain(u, i, int.MaxValue);
                float score = model.Score(u, i);
                Assert.Equal(score, parts.Sum(c => (double)c.Weight), 1e-5 * Math.Max(1, Math.Abs(score)));
                Assert.Equal(fitted.Explain(u, i, 3), model.Explain(u, i, 3));
                Assert.All(parts, c => Assert.True(data.Matrix.Contains(u, c.Item)));
            }
        }
    }
}
