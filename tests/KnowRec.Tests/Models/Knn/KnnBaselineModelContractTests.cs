using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Knn;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Knn;

public sealed class KnnBaselineModelContractTests : RecommenderContractTests
{
    // λ = 10⁶ makes every bias smaller than 10⁻⁵, so b_ui = μ = 3 and the residuals are e = r − 3; shrinkage 1 makes the
    // factor (n − 1)/n, which removes pairs with a single common rater.
    internal static readonly KnnBaselineOptions HandOptions = new() { Shrinkage = 1, UserRegularization = 1e6f, ItemRegularization = 1e6f };

    protected override IRecommender Fit(Dataset train, int seed) => KnnBaselineModel.Fit(TinyRatings.Rate(train), HandOptions);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // Residuals e = r − 3:   u0: i0 +1, i1 0, i3 −1 | u1: i0 +2, i1 −1, i2 +1 | u2: i0 +1, i2 0 | u3: i0 0, i1 −2, i4 −1.
        // Item pairs with ≥ 2 common raters: (i0,i1) over u0,u1,u3: Σee = 0 − 2 + 0 = −2 < 0, dropped;
        // (i0,i2) over u1,u2: Σee = 2·1 + 1·0 = 2, Σe_i0² = 4 + 1 = 5, Σe_i2² = 1 + 0 = 1, s = 2/√5 · (2−1)/(2−1+1) = 0.4472.
        // So s(i0,i2) is the only similarity. u0 rated i0 (e = +1): r̂(u0,i2) = 3 + 0.4472·1/0.4472 = 4, u0's best item.
        var knn = Assert.IsType<KnnBaselineModel>(model);
        Assert.Equal(2, knn.SimilarityCount);
        Assert.Equal(4f, model.Score(0, 2), 4);
        Assert.Equal(2, model.Recommend(0, 1)[0].Item);
        Assert.Equal(1f, knn.NeighbourTerm(0, 2), 4);

        // u3 rated i0 with e = 0, so the neighbour term is 0 and r̂(u3,i2) = 3; i1 has no positive neighbour: r̂ = b_ui.
        Assert.Equal(3f, model.Score(3, 2), 4);
        Assert.Equal(0f, knn.NeighbourTerm(2, 1));

        // The explanation is the single neighbour term.
        Assert.Equal([new Contribution(0, 1f)], knn.Explain(0, 2, 5).Select(c => c with { Weight = MathF.Round(c.Weight, 4) }));
    }

    [Fact]
    public void UserBased_GivesKnownAnswer_OnTinyRatings()
    {
        // User pairs (same residuals): (u0,u1) over i0,i1: Σee = 2, Σe_u0² = 1, Σe_u1² = 5 → 2/√5 · 1/2 = 0.4472;
        // (u1,u2) over i0,i2: Σee = 2, 5 and 1 → 0.4472; (u1,u3) over i0,i1: Σee = 0 + 2 = 2, 5 and 4 → 2/√20 · 1/2 = 0.2236;
        // (u0,u3): Σee = 0, dropped; (u0,u2) and (u2,u3) share only i0, factor 0.
        var model = KnnBaselineModel.Fit(TinyRatings.Create(), HandOptions with { UserBased = true });
        Assert.Equal(2f, model.Score(2, 1), 4);   // raters of i1 similar to u2: u1 (e = −1) → 3 − 1
        Assert.Equal(4f, model.Score(3, 2), 4);   // raters of i2 similar to u3: u1 (e = +1) → 3 + 1
        Assert.Equal(2f, model.Score(1, 4), 4);   // raters of i4 similar to u1: u3 (e = −1) → 3 − 1
        Assert.Equal(3f, model.Score(0, 4), 4);   // i4's only rater u3 is not u0's neighbour → b_ui

        // u2's term −1 comes from neighbour u1, split over their shared items by e_u2j·e_u1j: i0 gets 1·2 = 2 of 2, i2 gets 0.
        var explanation = model.Explain(2, 1, 5);
        Assert.Equal([2, 0], explanation.Select(c => c.Item));
        Assert.Equal(0f, explanation[0].Weight, 5);
        Assert.Equal(-1f, explanation[1].Weight, 4);
    }

    [Fact]
    public void Explain_SumsToNeighbourTerm_InBothDirections()
    {
        var data = RandomRatings.Create();
        foreach (bool userBased in new[] { false, true })
        {
            var model = KnnBaselineModel.Fit(data, new KnnBaselineOptions { UserBased = userBased, Shrinkage = 5 });
            int checkedPairs = 0;
            for (int u = 0; u < 10; u++)
            {
                for (int i = 0; i < data.Items.Count; i++)
                {
                    float term = model.NeighbourTerm(u, i);
                    var parts = model.Explain(u, i, int.MaxValue);
                    Assert.Equal(term, parts.Sum(c => c.Weight), 3);
                    Assert.All(parts, c => Assert.True(data.Matrix.Contains(u, c.Item), "explanations name rated items"));
                    checkedPairs += parts.Count > 1 ? 1 : 0;
                }
            }

            Assert.True(checkedPairs > 50, $"too few multi-neighbour cases ({checkedPairs}) for user-based = {userBased}");
        }
    }

    [Fact]
    public void ScoreAll_EqualsScore_ForEveryItem_InBothDirections()
    {
        var data = RandomRatings.Create();
        foreach (bool userBased in new[] { false, true })
        {
            var model = KnnBaselineModel.Fit(data, new KnnBaselineOptions { UserBased = userBased, Neighbours = 5, Shrinkage = 5 });
            for (int u = 0; u < data.Users.Count; u++)
            {
                foreach (var r in model.Recommend(u, data.Items.Count, new RecommendOptions { ExcludeSeen = false }))
                {
                    Assert.Equal(model.Score(u, r.Item), r.Score);
                }
            }
        }
    }
}
