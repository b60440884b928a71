using KnowRec.Data;
using KnowRec.Features;
using Xunit;

namespace KnowRec.Tests.Features;

public sealed class UserProfilesTests
{
    // One user, explicit ratings 5, 3, 1 (mean 3) on items with vectors (1, 0), (0, 1), (1, 1), a day apart.
    private static Dataset Data(bool present2 = true)
    {
        const long day = 86_400;
        var data = new Dataset("p", new IdMap(["u"]), new IdMap(["a", "b", "c"]), [new(0, 0, 5, 3 * day), new(0, 1, 3, 2 * day), new(0, 2, 1, day)])
        {
            Feedback = FeedbackKind.Explicit,
            RatingScale = (1, 5),
            HasTimestamps = true,
        };
        float[] values = present2 ? [1, 0, 0, 1, 1, 1] : [1, 0, 0, 1, 0, 0];
        return data.WithItemVectors(new ItemVectors("text", new FeatureMatrix(3, 2, values), [true, true, present2]));
    }

    [Fact]
    public void Build_Uniform_IsThePlainMean() =>
        Assert.Equal([2f / 3, 2f / 3], Profile(new UserProfileOptions { RatingWeighting = RatingWeighting.Uniform }));

    [Fact]
    public void Build_AboveMean_KeepsOnlyItemsAboveTheUsersMean() =>
        // Weights max(r − 3, 0) = 2, 0, 0: the profile is item a's vector.
        Assert.Equal([1f, 0f], Profile(new UserProfileOptions()));

    [Fact]
    public void Build_Centered_SubtractsDislikedItems()
    {
        // Weights 2, 0, −2: (2·(1, 0) − 2·(1, 1)) / 4 = (0, −0.5).
        Assert.Equal([0f, -0.5f], Profile(new UserProfileOptions { RatingWeighting = RatingWeighting.Centered }));
    }

    [Fact]
    public void Build_RecencyDecay_WeighsOlderItemsDown()
    {
        // Uniform × exp(−Δt/τ) with τ = 1 day: weights 1, e⁻¹, e⁻²; profile = (1 + e⁻², e⁻¹ + e⁻²) / (1 + e⁻¹ + e⁻²).
        double e1 = Math.Exp(-1), e2 = Math.Exp(-2), total = 1 + e1 + e2;
        var p = Profile(new UserProfileOptions { RatingWeighting = RatingWeighting.Uniform, RecencyDays = 1 });
        Assert.Equal((1 + e2) / total, p[0], 5);
        Assert.Equal((e1 + e2) / total, p[1], 5);
    }

    [Fact]
    public void Build_SkipsAbsentItems()
    {
        var data = Data(present2: false);
        var p = UserProfiles.Build(data, data.ItemVectorsNamed("text")!, new UserProfileOptions { RatingWeighting = RatingWeighting.Uniform });
        Assert.Equal([0.5f, 0.5f], p.Row(0).ToArray());
    }

    [Fact]
    public void Validate_RejectsNegativeTau() =>
        Assert.Equal("RecencyDays", Assert.Throws<ArgumentException>(() => new UserProfileOptions { RecencyDays = -1 }.Validate()).ParamName);

    private static float[] Profile(UserProfileOptions options)
    {
        var data = Data();
        return UserProfiles.Build(data, data.ItemVectorsNamed("text")!, options).Row(0).ToArray();
    }
}
