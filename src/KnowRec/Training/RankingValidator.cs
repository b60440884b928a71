using KnowRec.Data;
using KnowRec.Evaluation;
using KnowRec.Numerics;

namespace KnowRec.Training;

/// <summary>NDCG@K on a validation split during training, from raw scores rather than a fitted recommender.</summary>
/// <remarks>
/// <para>
/// The protocol is <see cref="Evaluator"/>'s full ranking with its default options: a user is evaluated when at least
/// one validation item is not among the user's training items; each ranking runs over the whole catalogue minus the
/// training items, ties to the lower item index (<see cref="TopK"/>); NDCG is <see cref="RankingMetrics.Ndcg"/> and users
/// weigh equally. So the number matches what <see cref="Evaluator"/> would report for the same scores.
/// </para>
/// <para>
/// Users are scored in batches of <see cref="BatchSize"/> through one buffer, one batch at a time: the
/// <see cref="BatchScorer"/> may use threads inside, and the mean is summed in user order, so the result does not depend
/// on threads. Not thread-safe (the buffer is shared); one validator per training loop.
/// </para>
/// <example>
/// <code>
/// var parts = ValidationSplit.Carve(train);
/// var validator = new RankingValidator(parts);
/// double ndcg = validator.Ndcg((users, scores) => model.ScoreBatch(users, scores));
/// </code>
/// </example>
/// </remarks>
public sealed class RankingValidator
{
    private readonly InteractionMatrix _train;
    private readonly int[] _users;
    private readonly HashSet<int>[] _relevant;
    private readonly float[] _scores;

    /// <summary>Prepares the validation users of <paramref name="split"/> (as made by <see cref="ValidationSplit.Carve"/>).</summary>
    /// <param name="split">Train part the model fits on, and the validation part (<see cref="DataSplit.Test"/>).</param>
    /// <param name="cutoff">K, at least 1 (default 10).</param>
    /// <param name="batchSize">Users scored per <see cref="BatchScorer"/> call, at least 1 (default 256).</param>
    public RankingValidator(DataSplit split, int cutoff = 10, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(cutoff, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _train = split.Train.Matrix;
        Items = split.Train.Items.Count;
        Cutoff = cutoff;
        var relevant = new HashSet<int>?[_train.Users];
        foreach (var row in split.Test.Interactions)
        {
            if ((uint)row.User >= (uint)_train.Users || (uint)row.Item >= (uint)Items)
            {
                throw new ArgumentException($"Validation row ({row.User}, {row.Item}) is outside the {_train.Users} users × {Items} items of the train part.", nameof(split));
            }

            if (!_train.Contains(row.User, row.Item))
            {
                (relevant[row.User] ??= []).Add(row.Item);
            }
        }

        _users = [.. Enumerable.Range(0, relevant.Length).Where(u => relevant[u] is not null)];
        _relevant = [.. _users.Select(u => relevant[u]!)];
        BatchSize = (int)Math.Min(batchSize, Math.Max(1, Array.MaxLength / Math.Max(1L, Items)));
        _scores = new float[Math.Min(BatchSize, Math.Max(1, _users.Length)) * Items];
    }

    /// <summary>Number of users evaluated: those with a validation item they do not have in train.</summary>
    public int Users => _users.Length;

    /// <summary>Number of items ranked over.</summary>
    public int Items { get; }

    /// <summary>The cutoff K.</summary>
    public int Cutoff { get; }

    /// <summary>Users scored per <see cref="BatchScorer"/> call.</summary>
    public int BatchSize { get; }

    /// <summary>Mean NDCG@K over the validation users of the rankings given by <paramref name="score"/>.</summary>
    /// <param name="score">Writes the scores of a batch of users; items scored NaN or −∞ are never ranked.</param>
    /// <returns>The mean, or NaN when no user has a validation item.</returns>
    public double Ndcg(BatchScorer score)
    {
        ArgumentNullException.ThrowIfNull(score);
        double sum = 0;
        for (int start = 0; start < _users.Length; start += BatchSize)
        {
            int count = Math.Min(BatchSize, _users.Length - start);
            var scores = _scores.AsSpan(0, count * Items);
            score(_users.AsSpan(start, count), scores);
            for (int j = 0; j < count; j++)
            {
                int user = _users[start + j];
                var row = scores.Slice(j * Items, Items);
                foreach (int item in _train.ItemsOf(user))
                {
                    row[item] = float.NegativeInfinity;
                }

                var top = TopK.Select(row, Cutoff);
                var ranked = new int[top.Length];
                for (int i = 0; i < top.Length; i++)
                {
                    ranked[i] = top[i].Item;
                }

                sum += RankingMetrics.Ndcg(ranked, _relevant[start + j], Cutoff);
            }
        }

        return _users.Length == 0 ? double.NaN : sum / _users.Length;
    }
}
