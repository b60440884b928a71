using KnowRec.Data;
using KnowRec.Numerics;

namespace KnowRec.Training;

/// <summary>Draws negative items for pairwise and sampled losses: uniformly, or in proportion to popularity^α.</summary>
/// <remarks>
/// Popularity sampling uses Walker's alias method (Walker 1977; Vose 1991), so a draw costs O(1) whatever the
/// catalogue size. Popularity^0.75 is word2vec's choice (Mikolov et al. 2013) and a common one for items. Immutable and
/// thread-safe; each thread passes its own <see cref="SplitMix64"/>.
/// </remarks>
public sealed class NegativeItemSampler
{
    private readonly float[]? _threshold;
    private readonly int[]? _alias;

    private NegativeItemSampler(int items, float[]? threshold, int[]? alias)
    {
        Items = items;
        _threshold = threshold;
        _alias = alias;
    }

    /// <summary>The number of items drawn from, [0, Items).</summary>
    public int Items { get; }

    /// <summary>Whether draws follow popularity rather than the uniform distribution.</summary>
    public bool IsPopularity => _alias is not null;

    /// <summary>Every item equally likely.</summary>
    /// <param name="items">Positive number of items.</param>
    public static NegativeItemSampler Uniform(int items)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        return new NegativeItemSampler(items, null, null);
    }

    /// <summary>Item i drawn with probability ∝ (count_i + 1)^<paramref name="exponent"/>, counting users in <paramref name="train"/>.</summary>
    /// <param name="train">Training interactions.</param>
    /// <param name="exponent">α ≥ 0; 0 is uniform, 1 is proportional to popularity.</param>
    /// <remarks>The +1 keeps items without training interactions drawable, so they are still pushed down.</remarks>
    public static NegativeItemSampler Popularity(InteractionMatrix train, double exponent = 0.75)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (!(exponent >= 0) || double.IsInfinity(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The exponent must be finite and not negative.");
        }

        int items = train.Items;
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1, nameof(train));
        var counts = new double[items];
        foreach (int item in train.Columns)
        {
            counts[item]++;
        }

        var weights = counts.Select(c => Math.Pow(c + 1, exponent)).ToArray();
        var (threshold, alias) = BuildAlias(weights);
        return new NegativeItemSampler(items, threshold, alias);
    }

    /// <summary>One item.</summary>
    /// <param name="random">The calling thread's generator.</param>
    public int Draw(ref SplitMix64 random)
    {
        int slot = random.NextInt(Items);
        if (_alias is null)
        {
            return slot;
        }

        return random.NextSingle() < _threshold![slot] ? slot : _alias[slot];
    }

    /// <summary>One item not in <paramref name="seen"/>, by rejection; after <paramref name="attempts"/> rejected draws the last draw is returned.</summary>
    /// <param name="random">The calling thread's generator.</param>
    /// <param name="seen">The user's items, sorted ascending (as <see cref="InteractionMatrix.ItemsOf"/> gives them).</param>
    /// <param name="attempts">Most draws, at least 1; bounds the cost for a user who has seen almost everything.</param>
    public int DrawUnseen(ref SplitMix64 random, ReadOnlySpan<int> seen, int attempts = 64)
    {
        int item = Draw(ref random);
        for (int a = 1; a < attempts && seen.BinarySearch(item) >= 0; a++)
        {
            item = Draw(ref random);
        }

        return item;
    }

    // Vose's stable construction: slot i keeps item i with probability threshold[i], else yields alias[i].
    private static (float[] Threshold, int[] Alias) BuildAlias(double[] weights)
    {
        int n = weights.Length;
        double total = weights.Sum();
        var scaled = weights.Select(w => w * n / total).ToArray();
        var threshold = new float[n];
        var alias = new int[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = n - 1; i >= 0; i--)
        {
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            int less = small.Pop(), more = large.Pop();
            threshold[less] = (float)scaled[less];
            alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1.0;
            (scaled[more] < 1.0 ? small : large).Push(more);
        }

        // Whatever is left has probability 1 up to rounding.
        foreach (int i in small.Concat(large))
        {
            threshold[i] = 1f;
            alias[i] = i;
        }

        return (threshold, alias);
    }
}
