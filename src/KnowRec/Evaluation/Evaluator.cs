using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using KnowRec.Data;
using KnowRec.Models;

namespace KnowRec.Evaluation;

/// <summary>Measures a fitted model on the test part of a split with an honest top-K protocol.</summary>
/// <remarks>
/// Protocol: a user is evaluated when at least one test row is relevant (see <see cref="EvaluationOptions.RelevanceThreshold"/>);
/// test items the user also has in train are not relevant, because rankings leave train items out and could never hit them.
/// Each evaluated user's ranking runs over the whole catalogue (<c>split.Train.Items</c>) minus the user's train items,
/// or over sampled negatives (<see cref="EvaluationOptions.SampledNegatives"/>). Splits made by the <c>cold-items</c>
/// protocol rank over the items that have no training row (<see cref="RankingPool.ColdItems"/>) unless told otherwise. Per-user metrics are averaged with equal
/// weight per user; AUC only over users for whom it is defined. Catalogue metrics (coverage, Gini, novelty) use the
/// evaluated users' full-ranking top-K lists and are not reported under sampled ranking. Results do not depend on thread count.
/// </remarks>
public static partial class Evaluator
{
    private const int BatchSize = 256;

    private static readonly string[] AccuracyNames = ["precision", "recall", "ndcg", "map", "mrr", "hit"];

    /// <summary>Evaluates <paramref name="model"/>, fitted on <paramref name="split"/>'s train part, on its test part.</summary>
    /// <returns>The report; <see cref="EvaluationReport.FitSeconds"/> is 0 for the caller to fill in.</returns>
    /// <exception cref="ArgumentException">The options are invalid, the model's catalogue differs from the split's, or no test row is relevant.</exception>
    /// <exception cref="InvalidOperationException">The model recommended an item the user has in train (it was not fitted on this train part).</exception>
    public static EvaluationReport Evaluate(IRecommender model, DataSplit split, EvaluationOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        int items = split.Train.Items.Count;
        if (model.Items.Count != items)
        {
            throw new ArgumentException($"The model knows {model.Items.Count} items but the split's catalogue has {items}.", nameof(model));
        }

        var relevant = RelevantItems(model, split, options.RelevanceThreshold);
        int[] users = [.. Enumerable.Range(0, relevant.Length).Where(u => relevant[u] is not null)];
        if (users.Length == 0)
        {
            throw new ArgumentException("No user has a relevant test item, so there is nothing to average.", nameof(split));
        }

        var metrics = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        int[]? pool = PoolOf(split, options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct };
        if (options.SampledNegatives is { } negatives)
        {
            var perUser = RankSampled(model, split, users, relevant, negatives, options, parallel);
            AddAccuracy(metrics, perUser, options);
        }
        else
        {
            var (perUser, tops) = RankFull(model, split, users, relevant, pool, options, parallel);
            AddAccuracy(metrics, perUser, options);
            if (pool is null)
            {
                AddCatalogue(metrics, tops, split.Train.Matrix, options.Cutoffs);
            }
            else
            {
                AddPoolCatalogue(metrics, tops, pool, items, options.Cutoffs);
            }
        }

        if (options.ComputeRatingMetrics ?? split.Train.Feedback == FeedbackKind.Explicit)
        {
            AddRating(metrics, model, split.Test.Interactions, parallel);
        }

        string ranking = options.SampledNegatives is { } n ? $"sampled-{n}" : pool is null ? "full" : $"cold-pool-{pool.Length}";
        return new EvaluationReport
        {
            Dataset = split.Train.Name,
            Model = model.Kind,
            Options = ModelOptions(model),
            Protocol = $"{split.Protocol}/{ranking}",
            Seed = options.Seed,
            Users = users.Length,
            Items = items,
            Train = split.Train.Interactions.Count,
            Test = split.Test.Interactions.Count,
            EvaluateSeconds = clock.Elapsed.TotalSeconds,
            Metrics = metrics,
        };
    }

    // The items with no training row, when the pool is the cold items; null for the whole catalogue.
    private static int[]? PoolOf(DataSplit split, EvaluationOptions options)
    {
        var pool = options.Pool ?? (split.Protocol == "cold-items" ? RankingPool.ColdItems : RankingPool.Catalogue);
        if (pool == RankingPool.Catalogue)
        {
            return null;
        }

        if (options.SampledNegatives is not null)
        {
            throw new ArgumentException("Sampled negatives and the cold-item pool cannot be combined: rank the cold items in full.", nameof(options));
        }

        var train = split.Train.Matrix;
        var warm = new bool[split.Train.Items.Count];
        foreach (int item in train.Columns)
        {
            warm[item] = true;
        }

        int[] cold = [.. Enumerable.Range(0, warm.Length).Where(i => !warm[i])];
        return cold.Length > 0 ? cold : throw new ArgumentException("Every item has training rows, so there is no cold item to rank.", nameof(split));
    }

    // Coverage and Gini over the pool's own items; novelty is left out because every cold item is equally unseen.
    private static void AddPoolCatalogue(OrderedDictionary<string, double> metrics, int[][] tops, int[] pool, int items, IReadOnlyList<int> cutoffs)
    {
        var position = new int[items];
        for (int p = 0; p < pool.Length; p++)
        {
            position[pool[p]] = p;
        }

        foreach (int k in cutoffs)
        {
            IReadOnlyList<int>[] lists = [.. tops.Select(top => top.Take(k).Select(i => position[i]).ToArray())];
            metrics.Add($"coverage@{k}", CatalogueMetrics.Coverage(lists, pool.Length));
            metrics.Add($"gini@{k}", CatalogueMetrics.Gini(lists, pool.Length));
        }
    }

    // Per user index: the relevant test items not in train, or null when there are none.
    private static HashSet<int>?[] RelevantItems(IRecommender model, DataSplit split, float? threshold)
    {
        var train = split.Train.Matrix;
        var relevant = new HashSet<int>?[Math.Max(split.Test.Users.Count, split.Train.Users.Count)];
        foreach (var row in split.Test.Interactions)
        {
            if ((uint)row.User >= (uint)model.Users.Count || (uint)row.Item >= (uint)model.Items.Count)
            {
                throw new ArgumentException($"Test row ({row.User}, {row.Item}) is outside the model's {model.Users.Count} users × {model.Items.Count} items.", nameof(split));
            }

            bool inTrain = row.User < train.Users && train.Contains(row.User, row.Item);
            if ((threshold is { } t && row.Value < t) || inTrain)
            {
                continue;
            }

            (relevant[row.User] ??= []).Add(row.Item);
        }

        return relevant;
    }

    // Row j holds one user's metrics: AccuracyNames for each cutoff, then AUC (NaN when undefined).
    private static double[] UserMetrics(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, IReadOnlyList<int> cutoffs, double auc)
    {
        var values = new double[(cutoffs.Count * AccuracyNames.Length) + 1];
        int at = 0;
        foreach (int k in cutoffs)
        {
            values[at++] = RankingMetrics.Precision(ranked, relevant, k);
            values[at++] = RankingMetrics.Recall(ranked, relevant, k);
            values[at++] = RankingMetrics.Ndcg(ranked, relevant, k);
            values[at++] = RankingMetrics.AveragePrecision(ranked, relevant, k);
            values[at++] = RankingMetrics.ReciprocalRank(ranked, relevant, k);
            values[at++] = RankingMetrics.HitRate(ranked, relevant, k);
        }

        values[at] = auc;
        return values;
    }

    // Means run in user order (not thread order), so reports are bit-for-bit reproducible.
    private static void AddAccuracy(OrderedDictionary<string, double> metrics, double[][] perUser, EvaluationOptions options)
    {
        int at = 0;
        foreach (int k in options.Cutoffs)
        {
            foreach (string name in AccuracyNames)
            {
                int column = at++;
                metrics.Add($"{name}@{k}", perUser.Average(row => row[column]));
            }
        }

        var defined = perUser.Select(row => row[at]).Where(double.IsFinite).ToArray();
        if (options.ComputeAuc && defined.Length > 0)
        {
            metrics.Add("auc", defined.Average());
        }
    }

    private static void AddCatalogue(OrderedDictionary<string, double> metrics, int[][] tops, InteractionMatrix train, IReadOnlyList<int> cutoffs)
    {
        foreach (int k in cutoffs)
        {
            IReadOnlyList<int>[] lists = [.. tops.Select(top => new ArraySegment<int>(top, 0, Math.Min(k, top.Length)))];
            metrics.Add($"coverage@{k}", CatalogueMetrics.Coverage(lists, train.Items));
            metrics.Add($"gini@{k}", CatalogueMetrics.Gini(lists, train.Items));
            metrics.Add($"novelty@{k}", CatalogueMetrics.Novelty(lists, train));
        }
    }

    private static void AddRating(OrderedDictionary<string, double> metrics, IRecommender model, IReadOnlyList<Interaction> test, ParallelOptions parallel)
    {
        var predicted = new float[test.Count];
        var actual = new float[test.Count];
        For(test.Count, parallel, j =>
        {
            predicted[j] = model.Score(test[j].User, test[j].Item);
            actual[j] = test[j].Value;
        });
        metrics.Add("rmse", RatingMetrics.Rmse(predicted, actual));
        metrics.Add("mae", RatingMetrics.Mae(predicted, actual));
    }

    // Parallel.For wraps failures in AggregateException (nested when RecommendMany is parallel too); callers should see
    // the documented exception itself, so the first failure is rethrown with its original stack trace.
    private static void For(int count, ParallelOptions parallel, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, parallel, body);
        }
        catch (AggregateException error)
        {
            ExceptionDispatchInfo.Capture(error.Flatten().InnerExceptions[0]).Throw();
            throw;
        }
    }

    private static Dictionary<string, JsonElement> ModelOptions(IRecommender model)
    {
        var options = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (model is ScoringRecommender { OptionsJson: { Length: > 0 } json })
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    options[property.Name] = property.Value.Clone();
                }
            }
        }

        return options;
    }
}
