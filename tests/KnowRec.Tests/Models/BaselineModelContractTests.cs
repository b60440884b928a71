using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Baseline;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models;

public sealed class BaselineModelContractTests : RecommenderContractTests
{
    // One ALS epoch with λ = 1 keeps the known answer short enough to work by hand.
    private static readonly BaselineOptions HandOptions = new() { Epochs = 1, UserRegularization = 1, ItemRegularization = 1 };

    protected override IRecommender Fit(Dataset train, int seed) => BaselineModel.Fit(TinyRatings.Rate(train), HandOptions);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // μ = 33/11 = 3. Items first, with every b_u = 0: b_i = Σ(r − μ) / (1 + |R(i)|):
        //   i0 = (1+2+1+0)/5 = 0.8, i1 = (0−1−2)/4 = −0.75, i2 = (1+0)/3 = 1/3, i3 = −1/2, i4 = −1/2, i5 = 0/1 = 0.
        // Then u2 = Σ(r − μ − b_i) / (1 + 2) = ((4−3−0.8) + (3−3−1/3)) / 3 = (0.2 − 1/3)/3 = −2/45.
        // u2's unseen items: i5 = 3 − 2/45 = 2.95556, i3 = i4 = 3 − 2/45 − 0.5 = 2.45556 (tie → lower index), i1 = 2.20556.
        var list = model.Recommend(2, 10);
        Assert.Equal([5, 3, 4, 1], list.Select(r => r.Item));
        Assert.Equal(3f - (2f / 45f), list[0].Score, 5);
        Assert.Equal(3f - (2f / 45f) - 0.75f, list[3].Score, 5);

        // u4 has no ratings, so b_u = 0 and the order is μ + b_i: i0 (3.8), i2 (3.333), i5 (3).
        Assert.Equal([0, 2, 5], model.Recommend(4, 3).Select(r => r.Item));
        Assert.Equal(3.8f, model.Score(4, 0), 5);
    }

    [Fact]
    public void Score_IsClippedToRatingScale()
    {
        // Without regularisation u0 (all 5s) and i0 (all 5s) get positive biases, so μ + b_u + b_i exceeds 5.
        var users = new IdMap(["a", "b", "c"]);
        var items = new IdMap(["x", "y", "z"]);
        var data = new Dataset("t", users, items, [new(0, 0, 5), new(0, 1, 5), new(1, 0, 5), new(1, 2, 1), new(2, 1, 3), new(2, 2, 1)])
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1f, 5f),
        };
        var model = BaselineModel.Fit(data, new BaselineOptions { UserRegularization = 0, ItemRegularization = 0 });
        Assert.True(model.Biases.Predict(0, 0) > 5f, $"unclipped {model.Biases.Predict(0, 0)}");
        Assert.Equal(5f, model.Score(0, 0));
        for (int u = 0; u < 3; u++)
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.InRange(model.Score(u, i), 1f, 5f);
            }
        }
    }

    [Fact]
    public void EveryOption_ChangesTheBiases()
    {
        var data = TinyRatings.Create();
        var als = new BaselineOptions();
        var sgd = new BaselineOptions { Method = BaselineMethod.Sgd };
        float[] reference = Biases(data, als);
        Assert.NotEqual(reference, Biases(data, sgd));
        Assert.NotEqual(reference, Biases(data, als with { Epochs = 1 }));
        Assert.NotEqual(reference, Biases(data, als with { UserRegularization = 1 }));
        Assert.NotEqual(reference, Biases(data, als with { ItemRegularization = 1 }));
        float[] sgdReference = Biases(data, sgd);
        Assert.NotEqual(sgdReference, Biases(data, sgd with { Regularization = 0.5f }));
        Assert.NotEqual(sgdReference, Biases(data, sgd with { LearningRate = 0.05f }));
        Assert.NotEqual(sgdReference, Biases(data, sgd with { Epochs = 5 }));

        // The SGD-only options leave ALS alone, and the ALS-only options leave SGD alone.
        Assert.Equal(reference, Biases(data, als with { Regularization = 0.5f, LearningRate = 0.05f }));
        Assert.Equal(sgdReference, Biases(data, sgd with { UserRegularization = 1, ItemRegularization = 1 }));
    }

    [Fact]
    public void Sgd_ApproachesAls_WhenRegularisationIsComparable()
    {
        // Both minimise the same least-squares objective (Koren 2010, eq. 3) up to the scale of λ; with many epochs and
        // no regularisation the SGD fixed point is the exact least-squares solution, which reproduces the training ratings
        // of this fully determined design to within the step noise.
        var data = TinyRatings.Create();
        var sgd = BaselineModel.Fit(data, new BaselineOptions { Method = BaselineMethod.Sgd, Regularization = 0, LearningRate = 0.05f, Epochs = 2000 });
        var als = BaselineModel.Fit(data, new BaselineOptions { UserRegularization = 0, ItemRegularization = 0, Epochs = 2000 });
        for (int u = 0; u < 4; u++)
        {
            foreach (int i in data.Matrix.ItemsOf(u))
            {
                Assert.Equal(als.Biases.Predict(u, i), sgd.Biases.Predict(u, i), 1);
            }
        }
    }

    [Fact]
    public void Validate_NamesTheBadOption()
    {
        Assert.Equal("Epochs", Assert.Throws<ArgumentException>(() => new BaselineOptions { Epochs = 0 }.Validate()).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentException>(() => new BaselineOptions { LearningRate = 0 }.Validate()).ParamName);
        Assert.Equal("UserRegularization", Assert.Throws<ArgumentException>(() => new BaselineOptions { UserRegularization = -1 }.Validate()).ParamName);
    }

    private static float[] Biases(Dataset data, BaselineOptions options)
    {
        var biases = BaselineModel.Fit(data, options).Biases;
        return [.. biases.UserBiases.ToArray(), .. biases.ItemBiases.ToArray()];
    }
}
