using KnowRec.Models.Baseline;
using KnowRec.Models.Knn;
using KnowRec.Tests.Contracts;
using Xunit;

namespace KnowRec.Tests.Models.Knn;

/// <summary>Every option of knn-baseline changes some prediction on a small random rating set.</summary>
public sealed class KnnBaselineOptionTests
{
    private static readonly KnnBaselineOptions Reference = new() { Neighbours = 5, Shrinkage = 5, MinNeighbours = 1 };

    public static TheoryData<string, KnnBaselineOptions> Changes() => new()
    {
        { "Neighbours", Reference with { Neighbours = 2 } },
        { "MinNeighbours", Reference with { MinNeighbours = 4 } },
        { "Shrinkage", Reference with { Shrinkage = 50 } },
        { "UserBased", Reference with { UserBased = true } },
        { "BaselineMethod", Reference with { BaselineMethod = BaselineMethod.Sgd } },
        { "BaselineEpochs", Reference with { BaselineEpochs = 1 } },
        { "UserRegularization", Reference with { UserRegularization = 1 } },
        { "ItemRegularization", Reference with { ItemRegularization = 1 } },
    };

    public static TheoryData<string, KnnBaselineOptions> SgdChanges() => new()
    {
        { "BaselineRegularization", Reference with { BaselineMethod = BaselineMethod.Sgd, BaselineRegularization = 0.5f } },
        { "BaselineLearningRate", Reference with { BaselineMethod = BaselineMethod.Sgd, BaselineLearningRate = 0.05f } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Option_ChangesPredictions(string option, KnnBaselineOptions changed) =>
        Assert.False(Same(Reference, changed), $"{option} had no effect");

    [Theory]
    [MemberData(nameof(SgdChanges))]
    public void SgdOption_ChangesPredictions_WhenBaselineIsSgd(string option, KnnBaselineOptions changed) =>
        Assert.False(Same(Reference with { BaselineMethod = BaselineMethod.Sgd }, changed), $"{option} had no effect");

    [Fact]
    public void Validate_NamesTheBadOption()
    {
        Assert.Equal("Neighbours", Assert.Throws<ArgumentException>(() => new KnnBaselineOptions { Neighbours = 0 }.Validate()).ParamName);
        Assert.Equal("MinNeighbours", Assert.Throws<ArgumentException>(() => new KnnBaselineOptions { MinNeighbours = 41 }.Validate()).ParamName);
        Assert.Equal("Shrinkage", Assert.Throws<ArgumentException>(() => new KnnBaselineOptions { Shrinkage = -1 }.Validate()).ParamName);
        Assert.Equal("BaselineEpochs", Assert.Throws<ArgumentException>(() => new KnnBaselineOptions { BaselineEpochs = 0 }.Validate()).ParamName);
        Assert.Equal("BaselineLearningRate", Assert.Throws<ArgumentException>(() => new KnnBaselineOptions { BaselineLearningRate = 0 }.Validate()).ParamName);
    }

    [Fact]
    public void NeighbourSelection_TakesKMostSimilar_TiesToLowerIndex()
    {
        // k = 2 of similarities [0.5, 0.9, 0.5, 0.1]: 0.9 and the first 0.5 → (0.9·2 + 0.5·1) / (0.9 + 0.5) = 2.3/1.4.
        float[] similarities = [0.5f, 0.9f, 0.5f, 0.1f];
        float[] values = [1, 2, 3, 4];
        Assert.Equal(2.3f / 1.4f, NeighbourSelection.WeightedAverage(similarities, values, 2, 1, new float[4]), 5);
        Assert.Equal(0f, NeighbourSelection.WeightedAverage(similarities, values, 2, 3, new float[4]));
        Assert.Equal((0.5f + 1.8f + 1.5f + 0.4f) / 2f, NeighbourSelection.WeightedAverage(similarities, values, 4, 4, new float[4]), 5);
    }

    private static bool Same(KnnBaselineOptions a, KnnBaselineOptions b)
    {
        var data = RandomRatings.Create();
        var left = KnnBaselineModel.Fit(data, a);
        var right = KnnBaselineModel.Fit(data, b);
        for (int u = 0; u < data.Users.Count; u++)
        {
            for (int i = 0; i < data.Items.Count; i++)
            {
                if (left.Score(u, i) != right.Score(u, i))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
