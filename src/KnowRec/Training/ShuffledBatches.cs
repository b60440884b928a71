using KnowRec.Numerics;

namespace KnowRec.Training;

/// <summary>Mini-batches of example indices [0, Count) in a fresh seeded order each epoch.</summary>
/// <remarks>
/// <para>
/// Epoch e's order is a Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm 3.4.2 P) driven by
/// <see cref="SplitMix64"/> seeded with <see cref="SplitMix64.Derive"/>(seed, e). It depends on nothing but the seed and
/// the epoch, not on earlier epochs, so a run resumed from a checkpoint at epoch e sees the same batches as an
/// uninterrupted one. Immutable and thread-safe.
/// </para>
/// <example>
/// <code>
/// var batches = new ShuffledBatches(examples: pairs.Length, batchSize: 1024, seed: options.Seed);
/// foreach (ArraySegment&lt;int&gt; batch in batches.Epoch(epoch))
/// {
///     // batch holds distinct indices into pairs; each index appears in exactly one batch of the epoch
/// }
/// </code>
/// </example>
/// </remarks>
public sealed class ShuffledBatches
{
    /// <summary>Creates the batching.</summary>
    /// <param name="examples">Number of examples, not negative.</param>
    /// <param name="batchSize">Examples per batch, positive; the last batch may be smaller unless <paramref name="dropLast"/>.</param>
    /// <param name="seed">Seed of every epoch's order.</param>
    /// <param name="dropLast">Leave out the last, smaller batch (it would weigh its few examples more heavily).</param>
    public ShuffledBatches(int examples, int batchSize, int seed, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Examples = examples;
        BatchSize = batchSize;
        Seed = seed;
        DropLast = dropLast;
    }

    /// <summary>Number of examples.</summary>
    public int Examples { get; }

    /// <summary>Examples per full batch.</summary>
    public int BatchSize { get; }

    /// <summary>Seed of every epoch's order.</summary>
    public int Seed { get; }

    /// <summary>Whether the last, smaller batch is left out.</summary>
    public bool DropLast { get; }

    /// <summary>Number of batches in each epoch.</summary>
    public int BatchesPerEpoch => DropLast ? Examples / BatchSize : (int)(((long)Examples + BatchSize - 1) / BatchSize);

    /// <summary>The order of the examples in epoch <paramref name="epoch"/>: a permutation of [0, Examples).</summary>
    /// <param name="epoch">Zero-based epoch, not negative.</param>
    public int[] Permutation(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var order = new int[Examples];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var random = new SplitMix64(SplitMix64.Derive(Seed, epoch));
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>The batches of epoch <paramref name="epoch"/>, in order: consecutive slices of <see cref="Permutation"/>.</summary>
    /// <param name="epoch">Zero-based epoch, not negative.</param>
    /// <returns>Slices of one array; a caller may read them in any order or from several threads.</returns>
    public IReadOnlyList<ArraySegment<int>> Epoch(int epoch)
    {
        var order = Permutation(epoch);
        var batches = new ArraySegment<int>[BatchesPerEpoch];
        for (int b = 0; b < batches.Length; b++)
        {
            int start = b * BatchSize;
            batches[b] = new ArraySegment<int>(order, start, Math.Min(BatchSize, Examples - start));
        }

        return batches;
    }
}
