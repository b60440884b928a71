using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <summary>Builds each epoch's training examples from the positive pairs of a training matrix.</summary>
/// <remarks>
/// NCF's sampling (He et al. 2017, Section 4.1): every observed (u, i) is a positive, and each is joined by
/// <c>negatives</c> items drawn afresh every epoch from those u has not interacted with. The examples are then shuffled,
/// so a mini-batch mixes users and items. One seeded stream per epoch: the examples do not depend on threads.
/// </remarks>
internal static class ExampleSampler
{
    /// <summary>The owner (user) of every stored entry of <paramref name="matrix"/>, entry order.</summary>
    public static int[] Owners(InteractionMatrix matrix)
    {
        var owners = new int[matrix.NonZeros];
        var starts = matrix.RowStarts;
        for (int u = 0; u < matrix.Users; u++)
        {
            owners.AsSpan(starts[u], starts[u + 1] - starts[u]).Fill(u);
        }

        return owners;
    }

    /// <summary>
    /// Pointwise examples: each positive pair with label 1 followed by <paramref name="negatives"/> unseen items with
    /// label 0, shuffled together.
    /// </summary>
    public static (int[] Users, int[] Items, float[] Labels) Pointwise(InteractionMatrix matrix, int[] owners, NegativeItemSampler sampler, int negatives, ulong seed)
    {
        var random = new SplitMix64(seed);
        int count = matrix.NonZeros * (1 + negatives);
        var users = new int[count];
        var items = new int[count];
        var labels = new float[count];
        var columns = matrix.Columns;
        int at = 0;
        for (int entry = 0; entry < owners.Length; entry++)
        {
            int user = owners[entry];
            users[at] = user;
            items[at] = columns[entry];
            labels[at++] = 1f;
            var seen = matrix.ItemsOf(user);
            for (int n = 0; n < negatives; n++)
            {
                users[at] = user;
                items[at++] = sampler.DrawUnseen(ref random, seen);
            }
        }

        Shuffle(users, items, labels, ref random);
        return (users, items, labels);
    }

    /// <summary>
    /// Pairwise examples for BPR (Rendle et al. 2009): every positive pair, <paramref name="negatives"/> times, each with
    /// its own unseen item, shuffled.
    /// </summary>
    public static (int[] Users, int[] Positives, int[] Negatives) Pairwise(InteractionMatrix matrix, int[] owners, NegativeItemSampler sampler, int negatives, ulong seed)
    {
        var random = new SplitMix64(seed);
        int count = matrix.NonZeros * negatives;
        var users = new int[count];
        var positives = new int[count];
        var drawn = new int[count];
        var columns = matrix.Columns;
        int at = 0;
        for (int entry = 0; entry < owners.Length; entry++)
        {
            int user = owners[entry];
            var seen = matrix.ItemsOf(user);
            for (int n = 0; n < negatives; n++)
            {
                users[at] = user;
                positives[at] = columns[entry];
                drawn[at++] = sampler.DrawUnseen(ref random, seen);
            }
        }

        var order = Permutation(count, ref random);
        return (Apply(users, order), Apply(positives, order), Apply(drawn, order));
    }

    /// <summary>The entries of every positive pair in a random order (for models that sample negatives per batch).</summary>
    public static int[] Permutation(int count, ref SplitMix64 random)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Fisher–Yates.
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static void Shuffle(int[] users, int[] items, float[] labels, ref SplitMix64 random)
    {
        for (int i = users.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (users[i], users[j]) = (users[j], users[i]);
            (items[i], items[j]) = (items[j], items[i]);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
    }

    private static int[] Apply(int[] values, int[] order)
    {
        var result = new int[values.Length];
        for (int i = 0; i < order.Length; i++)
        {
            result[i] = values[order[i]];
        }

        return result;
    }
}
