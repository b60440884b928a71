using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Training;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>The (user, positive, negative) triples of one BPR epoch, drawn as the KGAT and KGIN reference code draws them.</summary>
/// <remarks>
/// A user is drawn uniformly among those with a history, then one of their items, then an item they have not seen;
/// an epoch holds as many triples as training pairs. With more than one negative candidate the negative is the best
/// scoring of that many unseen draws under the caller's current scores (dynamic negative sampling, Zhang et al. 2013).
/// </remarks>
internal sealed class PairSampler(InteractionMatrix matrix, int negativeCandidates)
{
    private readonly NegativeItemSampler _sampler = NegativeItemSampler.Uniform(matrix.Items);
    private readonly int[] _activeUsers = [.. Enumerable.Range(0, matrix.Users).Where(u => matrix.CountOf(u) > 0)];

    /// <summary>Triples per epoch.</summary>
    public int Count => matrix.NonZeros;

    /// <summary>Whether any user has a history.</summary>
    public bool HasPairs => _activeUsers.Length > 0;

    /// <summary>Fills the users and positive items of <paramref name="count"/> triples and a first uniform negative each.</summary>
    public (int[] Users, int[] Positives, int[] Negatives) Draw(int count, ref SplitMix64 random)
    {
        var users = new int[count];
        var positives = new int[count];
        var negatives = new int[count];
        for (int b = 0; b < count; b++)
        {
            int user = _activeUsers[random.NextInt(_activeUsers.Length)];
            var seen = matrix.ItemsOf(user);
            users[b] = user;
            positives[b] = seen[random.NextInt(seen.Length)];
            negatives[b] = _sampler.DrawUnseen(ref random, seen);
        }

        return (users, positives, negatives);
    }

    /// <summary>Replaces each negative with the best of it and <c>negativeCandidates − 1</c> further unseen draws under <paramref name="score"/>; ties keep the earlier.</summary>
    public void Harden(int[] users, int[] negatives, Func<int, int, float> score, ref SplitMix64 random)
    {
        for (int b = 0; b < users.Length; b++)
        {
            var seen = matrix.ItemsOf(users[b]);
            int best = negatives[b];
            float bestScore = score(users[b], best);
            for (int c = 1; c < negativeCandidates; c++)
            {
                int item = _sampler.DrawUnseen(ref random, seen);
                float value = score(users[b], item);
                if (value > bestScore)
                {
                    (best, bestScore) = (item, value);
                }
            }

            negatives[b] = best;
        }
    }
}
