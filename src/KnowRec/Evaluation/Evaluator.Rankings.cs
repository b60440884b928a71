using KnowRec.Data;
using KnowRec.Models;

namespace KnowRec.Evaluation;

/// <content>The two ranking protocols: full catalogue and sampled negatives.</content>
public static partial class Evaluator
{
    // Full ranking: batches of users go through RecommendMany; each batch writes only its own rows, so no locking.
    private static (double[][] PerUser, int[][] Tops) RankFull(
        IRecommender model, DataSplit split, int[] users, HashSet<int>?[] relevant, int[]? pool, EvaluationOptions options, ParallelOptions parallel)
    {
        var train = split.Train.Matrix;
        int maxK = options.Cutoffs.Max();

        // AUC needs the score of every candidate, so then the whole ranking is requested rather than the top max(K).
        int count = options.ComputeAuc ? pool?.Length ?? split.Train.Items.Count : maxK;
        var request = new RecommendOptions { ExcludeSeen = true, Candidates = pool };
        var perUser = new double[users.Length][];
        var tops = new int[users.Length][];
        int batches = (users.Length + BatchSize - 1) / BatchSize;
        For(batches, parallel, b =>
        {
            int start = b * BatchSize;
            int length = Math.Min(BatchSize, users.Length - start);
            var lists = model.RecommendMany(users.AsSpan(start, length), count, request);
            for (int j = 0; j < length; j++)
            {
                int user = users[start + j];
                ScoredItem[] scored = [.. lists[j]];
                int[] ranked = RankedItems(model, train, user, scored);
                double auc = options.ComputeAuc ? RankingMetrics.Auc(scored, relevant[user]!) : double.NaN;
                perUser[start + j] = UserMetrics(ranked, relevant[user]!, options.Cutoffs, auc);
                tops[start + j] = ranked.Length > maxK ? ranked[..maxK] : ranked;
            }
        });
        return (perUser, tops);
    }

    // Sampled ranking: each relevant test item against N negatives the user has in neither train nor test; a user's
    // metrics are the mean over their relevant items, so every user still weighs the same.
    private static double[][] RankSampled(
        IRecommender model, DataSplit split, int[] users, HashSet<int>?[] relevant, int negatives, EvaluationOptions options, ParallelOptions parallel)
    {
        var train = split.Train.Matrix;
        var test = split.Test.Matrix;
        int items = split.Train.Items.Count;
        var perUser = new double[users.Length][];
        For(users.Length, parallel, j =>
        {
            int user = users[j];
            var excluded = new HashSet<int>();
            foreach (int item in Row(train, user))
            {
                excluded.Add(item);
            }

            foreach (int item in Row(test, user))
            {
                excluded.Add(item);
            }

            var sampler = new NegativeSampler(options.Seed, user, items, excluded);

            // Ascending order makes the draws independent of hash-set enumeration order.
            int[] targets = [.. relevant[user]!.Order()];
            double[]? sum = null;
            double aucSum = 0;
            int aucCount = 0;
            var candidates = new List<int>(negatives + 1);
            foreach (int target in targets)
            {
                candidates.Clear();
                candidates.Add(target);
                sampler.Draw(negatives, candidates);
                var request = new RecommendOptions { ExcludeSeen = true, Candidates = candidates };
                ScoredItem[] scored = [.. model.Recommend(user, candidates.Count, request)];
                int[] ranked = RankedItems(model, train, user, scored);
                var single = new HashSet<int> { target };
                double auc = options.ComputeAuc ? RankingMetrics.Auc(scored, single) : double.NaN;
                double[] values = UserMetrics(ranked, single, options.Cutoffs, double.NaN);
                sum ??= new double[values.Length];
                for (int m = 0; m < values.Length - 1; m++)
                {
                    sum[m] += values[m];
                }

                if (double.IsFinite(auc))
                {
                    aucSum += auc;
                    aucCount++;
                }
            }

            for (int m = 0; m < sum!.Length - 1; m++)
            {
                sum[m] /= targets.Length;
            }

            sum[^1] = aucCount > 0 ? aucSum / aucCount : double.NaN;
            perUser[j] = sum;
        });
        return perUser;
    }

    // The item indices of a ranking, after checking the model really left out the user's train items.
    private static int[] RankedItems(IRecommender model, InteractionMatrix train, int user, ScoredItem[] scored)
    {
        var ranked = new int[scored.Length];
        for (int i = 0; i < scored.Length; i++)
        {
            int item = scored[i].Item;
            if (user < train.Users && train.Contains(user, item))
            {
                throw new InvalidOperationException(
                    $"Model '{model.Kind}' recommended item {item} that user {user} has in train; was it fitted on this split's train part?");
            }

            ranked[i] = item;
        }

        return ranked;
    }

    private static ReadOnlySpan<int> Row(InteractionMatrix matrix, int user) =>
        user < matrix.Users ? matrix.ItemsOf(user) : [];
}
