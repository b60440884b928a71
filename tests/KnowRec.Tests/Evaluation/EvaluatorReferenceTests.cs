using KnowRec.Data;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

/// <summary>Checks the evaluator against a second, deliberately naive implementation of the same protocol.</summary>
public class EvaluatorReferenceTests
{
    private const int Users = 50;
    private const int Items = 200;
    private static readonly int[] Cutoffs = [1, 5, 10, 20];

    [Fact]
    public void Evaluate_EqualsNaiveComputation_OnRandomData()
    {
        var (split, scores) = SplitBuilder.Random(Users, Items, seed: 3, FeedbackKind.Explicit);
        var options = new EvaluationOptions { Cutoffs = Cutoffs, Threads = 3 };
        var report = Evaluator.Evaluate(FixedScoreRecommender.For(split, scores), split, options);

        var expected = Naive(split, scores);
        Assert.Equal(expected.Keys, report.Metrics.Keys);
        foreach (var (key, value) in expected)
        {
            Assert.True(Math.Abs(value - report.Metrics[key]) < 1e-9, $"{key}: expected {value}, got {report.Metrics[key]}");
        }

        Assert.Equal(split.Test.Interactions.Select(r => r.User).Distinct().Count(), report.Users);
    }

    [Fact]
    public void Evaluate_GivesSameReport_WhateverTheThreadCount()
    {
        var (split, scores) = SplitBuilder.Random(Users, Items, seed: 5);
        var model = FixedScoreRecommender.For(split, scores);
        var one = Evaluator.Evaluate(model, split, new EvaluationOptions { Cutoffs = Cutoffs, Threads = 1 });
        var four = Evaluator.Evaluate(model, split, new EvaluationOptions { Cutoffs = Cutoffs, Threads = 4 });
        Assert.Equal(one.Metrics, four.Metrics);
    }

    // Sort every item by score (ties to the lower index), drop train items, take K, count.
    private static Dictionary<string, double> Naive(DataSplit split, float[,] scores)
    {
        var train = split.Train.Interactions.Select(r => (r.User, r.Item)).ToHashSet();
        var testByUser = split.Test.Interactions.GroupBy(r => r.User).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToHashSet());
        int[] users = [.. testByUser.Keys.Order()];
        var rankings = users.ToDictionary(
            u => u,
            u => Enumerable.Range(0, Items).Where(i => !train.Contains((u, i))).OrderByDescending(i => scores[u, i]).ThenBy(i => i).ToList());

        var metrics = new Dictionary<string, double>();
        foreach (int k in Cutoffs)
        {
            var rows = users.Select(u => Accuracy(rankings[u].Take(k).ToList(), testByUser[u], k)).ToList();
            string[] names = ["precision", "recall", "ndcg", "map", "mrr", "hit"];
            for (int m = 0; m < names.Length; m++)
            {
                metrics[$"{names[m]}@{k}"] = rows.Average(r => r[m]);
            }
        }

        metrics["auc"] = users.Average(u => PairwiseAuc(rankings[u], testByUser[u], scores, u));
        int[] popularity = [.. Enumerable.Range(0, Items).Select(i => split.Train.Interactions.Count(r => r.Item == i))];
        foreach (int k in Cutoffs)
        {
            var lists = users.Select(u => rankings[u].Take(k).ToList()).ToList();
            metrics[$"coverage@{k}"] = (double)lists.SelectMany(l => l).Distinct().Count() / Items;

            // Gini as mean absolute difference: ΣΣ|c_i − c_j| / (2 n Σc).
            int[] counts = [.. Enumerable.Range(0, Items).Select(i => lists.Count(l => l.Contains(i)))];
            double differences = counts.Sum(a => counts.Sum(b => (double)Math.Abs(a - b)));
            metrics[$"gini@{k}"] = differences / (2.0 * Items * counts.Sum());
            metrics[$"novelty@{k}"] = lists.SelectMany(l => l).Average(i => -Math.Log2(Math.Max(popularity[i], 1) / (double)Users));
        }

        var errors = split.Test.Interactions.Select(r => (double)scores[r.User, r.Item] - r.Value).ToList();
        metrics["rmse"] = Math.Sqrt(errors.Average(e => e * e));
        metrics["mae"] = errors.Average(Math.Abs);
        return metrics;
    }

    private static double[] Accuracy(List<int> top, HashSet<int> test, int k)
    {
        var hitRanks = top.Select((item, index) => (item, rank: index + 1)).Where(p => test.Contains(p.item)).Select(p => p.rank).ToList();
        double dcg = hitRanks.Sum(r => 1 / Math.Log2(r + 1));
        double idcg = Enumerable.Range(1, Math.Min(k, test.Count)).Sum(r => 1 / Math.Log2(r + 1));
        double ap = hitRanks.Select((rank, n) => (n + 1) / (double)rank).Sum() / Math.Min(k, test.Count);
        return
        [
            hitRanks.Count / (double)k,
            hitRanks.Count / (double)test.Count,
            dcg / idcg,
            ap,
            hitRanks.Count > 0 ? 1.0 / hitRanks[0] : 0,
            hitRanks.Count > 0 ? 1 : 0,
        ];
    }

    private static double PairwiseAuc(List<int> candidates, HashSet<int> test, float[,] scores, int user)
    {
        double correct = 0;
        int pairs = 0;
        foreach (int p in candidates.Where(test.Contains))
        {
            foreach (int n in candidates.Where(i => !test.Contains(i)))
            {
                pairs++;
                correct += scores[user, p] > scores[user, n] ? 1 : scores[user, p] == scores[user, n] ? 0.5 : 0;
            }
        }

        return correct / pairs;
    }
}
