using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Models.Neural;
using KnowRec.Tests.Contracts;
using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Models.Neural;

public sealed class NcfModelContractTests : RecommenderContractTests
{
    internal static readonly TrainingContext OneThread = new() { Threads = 1 };

    // A small network that fits TinyData's 11 pairs in milliseconds per epoch; weight decay keeps it from memorising
    // each user's sampled negatives, so what it ranks follows co-occurrence.
    internal static NcfOptions Tiny(int seed = 42) =>
        new() { Factors = 4, Tower = "8,4", Negatives = 4, Epochs = 100, BatchSize = 16, LearningRate = 0.01f, WeightDecay = 0.01f, Seed = seed };

    protected override IRecommender Fit(Dataset train, int seed) => NcfModel.Fit(train, Tiny(seed), OneThread);

    protected override void AssertKnownAnswer(IRecommender model)
    {
        // u2 has {i0, i2}: u1 has both and also i1, which is also the most popular item u2 lacks.
        Assert.Equal(1, model.Recommend(2, 10)[0].Item);

        // u4 has no history, so its embeddings are zero and it gets the network's item-only response, learned from how
        // often each item is a positive (label 1) rather than a sampled negative (label 0). i0 (4 users, never a
        // negative: every active user has it) and i1 (3 users) lead; i5 is in no history, so it was only ever a
        // negative and comes last.
        var cold = model.Recommend(4, 6);
        Assert.Equal([0, 1], cold.Take(2).Select(r => r.Item).Order());
        Assert.Equal(5, cold[^1].Item);
    }
}
