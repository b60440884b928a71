using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <summary>
/// Dynamic negative sampling (Zhang, Chen, Wang, Yu 2013, "Optimizing Top-N Collaborative Filtering via Dynamic
/// Negative Item Sampling"): each negative of a batch becomes the highest-scoring of several unseen candidates under the
/// current model, so training spends its steps on the items the model wrongly ranks high.
/// </summary>
internal static class HardNegatives
{
    /// <summary>
    /// Replaces <paramref name="items"/>[k] for every k where <paramref name="isNegative"/>(k), by the best of that item
    /// and <paramref name="candidates"/> − 1 further unseen draws; <paramref name="score"/> scores (user, item) pairs in one
    /// batch. Ties keep the earlier candidate.
    /// </summary>
    public static void Harden(
        int[] users, int[] items, Func<int, bool> isNegative, int candidates, InteractionMatrix matrix, NegativeItemSampler sampler,
        ref SplitMix64 random, Func<int[], int[], float[]> score)
    {
        var slots = new List<int>();
        for (int k = 0; k < items.Length; k++)
        {
            if (isNegative(k))
            {
                slots.Add(k);
            }
        }

        if (slots.Count == 0 || candidates < 2)
        {
            return;
        }

        var pairUsers = new int[slots.Count * candidates];
        var pairItems = new int[slots.Count * candidates];
        for (int s = 0; s < slots.Count; s++)
        {
            int k = slots[s], user = users[k];
            var seen = matrix.ItemsOf(user);
            pairUsers[s * candidates] = user;
            pairItems[s * candidates] = items[k];
            for (int c = 1; c < candidates; c++)
            {
                pairUsers[(s * candidates) + c] = user;
                pairItems[(s * candidates) + c] = sampler.DrawUnseen(ref random, seen);
            }
        }

        var scores = score(pairUsers, pairItems);
        for (int s = 0; s < slots.Count; s++)
        {
            int best = s * candidates;
            for (int c = 1; c < candidates; c++)
            {
                if (scores[(s * candidates) + c] > scores[best])
                {
                    best = (s * candidates) + c;
                }
            }

            items[slots[s]] = pairItems[best];
        }
    }
}
