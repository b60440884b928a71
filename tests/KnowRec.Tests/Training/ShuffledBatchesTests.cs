using KnowRec.Training;
using Xunit;

namespace KnowRec.Tests.Training;

public sealed class ShuffledBatchesTests
{
    [Theory]
    [InlineData(10, 3, false, new[] { 3, 3, 3, 1 })]
    [InlineData(10, 3, true, new[] { 3, 3, 3 })]
    [InlineData(9, 3, false, new[] { 3, 3, 3 })]
    [InlineData(2, 5, false, new[] { 2 })]
    [InlineData(2, 5, true, new int[0])]
    [InlineData(0, 4, false, new int[0])]
    public void Epoch_CutsThePermutationIntoBatchesOfTheGivenSize(int examples, int batchSize, bool dropLast, int[] sizes)
    {
        var batches = new ShuffledBatches(examples, batchSize, seed: 7, dropLast);
        var epoch = batches.Epoch(0);
        Assert.Equal(sizes, epoch.Select(b => b.Count).ToArray());
        Assert.Equal(sizes.Length, batches.BatchesPerEpoch);
        Assert.Equal(batches.Permutation(0).Take(sizes.Sum()), epoch.SelectMany(b => b));
    }

    [Fact]
    public void Permutation_HoldsEveryExampleOnce_InAFreshOrderEachEpoch()
    {
        var batches = new ShuffledBatches(1000, 64, seed: 3);
        var orders = Enumerable.Range(0, 4).Select(batches.Permutation).ToArray();
        foreach (var order in orders)
        {
            Assert.Equal(Enumerable.Range(0, 1000), order.Order());
        }

        Assert.NotEqual(Enumerable.Range(0, 1000), orders[0]);
        Assert.NotEqual(orders[0], orders[1]);
        Assert.NotEqual(orders[1], orders[2]);
        Assert.NotEqual(orders[0], new ShuffledBatches(1000, 64, seed: 4).Permutation(0));
    }

    [Fact]
    public void Permutation_DependsOnlyOnSeedAndEpoch()
    {
        // Asking for epoch 5 first, or on another instance, gives the same order: a resumed run sees the same batches.
        var first = new ShuffledBatches(300, 10, seed: 11);
        var second = new ShuffledBatches(300, 32, seed: 11);
        int[] late = first.Permutation(5);
        _ = first.Permutation(0);
        Assert.Equal(late, first.Permutation(5));
        Assert.Equal(late, second.Permutation(5));
    }

    [Fact]
    public void Permutation_IsUniformOverPositions()
    {
        // Over 4000 epochs each of 5 examples lands in each position about 800 times; 4 standard deviations is ±101.
        var batches = new ShuffledBatches(5, 5, seed: 1);
        var counts = new int[5, 5];
        for (int epoch = 0; epoch < 4000; epoch++)
        {
            var order = batches.Permutation(epoch);
            for (int position = 0; position < 5; position++)
            {
                counts[order[position], position]++;
            }
        }

        foreach (int count in counts)
        {
            Assert.InRange(count, 800 - 101, 800 + 101);
        }
    }

    [Fact]
    public void Constructor_RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShuffledBatches(-1, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShuffledBatches(4, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShuffledBatches(4, 2, 0).Permutation(-1));
    }
}
