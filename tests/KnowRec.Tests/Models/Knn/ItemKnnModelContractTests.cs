using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Knn;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Knn;

public sealed class ItemKnnModelContractTests : RecommenderContractTests
{
    // Plain cosine keeps the known answer short; the TF-IDF default is covered by the option and golden tests.
    private static readonly KnnOptions HandOptions = new() { Weighting = KnnWeighting.None, Neighbours = 100 };

    protected override IRecommender Fit(Dataset train, int seed) => ItemKnnModel.Fit(train, HandOptions);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // Item columns (users): i0 {u0,u1,u2,u3}, i1 {u0,u1,u3}, i2 {u1,u2}, i3 {u0}, i4 {u3}, i5 {}.
        // Cosines: (i0,i1) = 3/(2·√3) = 0.8660, (i0,i2) = 2/(2·√2) = 0.7071, (i0,i3) = (i0,i4) = 1/2,
        // (i1,i2) = 1/√6 = 0.4082, (i1,i3) = (i1,i4) = 1/√3 = 0.5774, the rest 0; k = 100 keeps them all.
        // u2 has i0 and i2 (value 1): i1 = 0.8660 + 0.4082 = 1.2742, i3 = 0.5 + 0, i4 = 0.5 + 0, i5 = 0.
        var list = model.Recommend(2, 10);
        Assert.Equal([1, 3, 4, 5], list.Select(r => r.Item));
        Assert.Equal(MathF.Sqrt(3) / 2 + (1 / MathF.Sqrt(6)), list[0].Score, 5);
        Assert.Equal(0.5f, list[1].Score, 5);
        Assert.Equal(0f, list[3].Score);

        // Explanation of i1 for u2: the two history terms, which sum to the score.
        var explanation = ((IExplainableRecommender)model).Explain(2, 1, 5);
        Assert.Equal([0, 2], explanation.Select(c => c.Item));
        Assert.Equal(MathF.Sqrt(3) / 2, explanation[0].Weight, 5);
        Assert.Equal(list[0].Score, explanation.Sum(c => c.Weight), 5);
    }

    [Fact]
    public void Neighbours_KeepsOnlyEachHistoryItemsNearest()
    {
        // k = 1: row i0 keeps i1 (0.8660), row i2 keeps i0 (0.7071); u2 (i0, i2) then scores i1 = 0.8660 and nothing else.
        var model = ItemKnnModel.Fit(TinyData.Create(), HandOptions with { Neighbours = 1 });
        Assert.Equal(MathF.Sqrt(3) / 2, model.Score(2, 1), 5);
        Assert.Equal(0f, model.Score(2, 3));
        Assert.Equal(0f, model.Similarity(0, 2));
        Assert.Equal(1 / MathF.Sqrt(2), model.Similarity(2, 0), 5);
    }

    [Fact]
    public void Shrinkage_ScalesBySupport()
    {
        // (i0,i1) has 3 common users: λ = 3 halves it to 0.4330; (i1,i2) has 1: λ = 3 quarters it to 0.1021.
        var model = ItemKnnModel.Fit(TinyData.Create(), HandOptions with { Shrinkage = 3 });
        Assert.Equal(MathF.Sqrt(3) / 4, model.Similarity(0, 1), 5);
        Assert.Equal(1 / MathF.Sqrt(6) / 4, model.Similarity(1, 2), 5);
    }

    [Fact]
    public void Explain_SumsToScore_OnRandomRatings()
    {
        var data = RandomRatings.Create();
        var model = ItemKnnModel.Fit(data, new KnnOptions { Neighbours = 5, Similarity = KnnSimilarity.Pearson });
        for (int u = 0; u < data.Users.Count; u++)
        {
            for (int i = 0; i < data.Items.Count; i++)
            {
                float score = model.Score(u, i);
                Assert.Equal(score, model.Explain(u, i, int.MaxValue).Sum(c => (double)c.Weight), 1e-5 * Math.Max(1, Math.Abs(score)));
            }
        }
    }
}
