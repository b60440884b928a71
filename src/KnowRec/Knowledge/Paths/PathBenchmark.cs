using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Numerics;

namespace KnowRec.Knowledge.Paths;

/// <summary>
/// Measures explanations as a user meets them: random (user, recommended item) pairs, each explained by finding its
/// best paths and saying them, timed one pair at a time.
/// </summary>
public static class PathBenchmark
{
    /// <summary>
    /// Explains <see cref="PathBenchmarkOptions.Pairs"/> pairs: distinct users (random, or the heaviest with
    /// <see cref="PathBenchmarkOptions.HeaviestUsers"/>), one item drawn at random from each user's top list.
    /// </summary>
    /// <remarks>
    /// Every pair is explained once untimed (JIT, caches; the very first call is reported on its own), then timed
    /// <see cref="PathBenchmarkOptions.Repeats"/> times: path search plus the sentences of every path found. A pair's
    /// time is its fastest repeat, so another process taking the core does not count as the explainer's cost; the
    /// slowest single call is reported too. Recommending is not timed. Deterministic for a seed.
    /// </remarks>
    public static PathBenchmarkReport Run(IRecommender model, PathFinder finder, PathNarrator narrator, PathBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(narrator);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var pairs = DrawPairs(finder.Data, model, options);
        var first = Stopwatch.StartNew();
        for (int i = 0; i < pairs.Count; i++)
        {
            _ = Explain(finder, narrator, pairs[i], options.Paths, out _);
            if (i == 0)
            {
                first.Stop();
            }
        }

        var samples = new PathBenchmarkSample[pairs.Count];
        double slowest = 0;
        var knowledge = finder.Data.Knowledge!;
        for (int i = 0; i < pairs.Count; i++)
        {
            double best = double.MaxValue;
            IReadOnlyList<KnowledgePath> paths = [];
            string? sentence = null;
            for (int r = 0; r < options.Repeats; r++)
            {
                long start = Stopwatch.GetTimestamp();
                paths = Explain(finder, narrator, pairs[i], options.Paths, out sentence);
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                best = Math.Min(best, ms);
                slowest = Math.Max(slowest, ms);
            }

            bool linked = knowledge.EntityOf(pairs[i].Item) >= 0;
            samples[i] = new PathBenchmarkSample(pairs[i].User, pairs[i].Item, linked, paths.Count, paths.Count == 0 ? 0 : paths.Min(p => p.Length), best, sentence);
        }

        var times = samples.Select(s => s.Milliseconds).Order().ToArray();
        return new PathBenchmarkReport(
            samples.Length,
            samples.Count(s => s.ItemLinked),
            samples.Count(s => s.Paths > 0),
            samples.Count(s => s.Paths > 0 && s.ShortestLength <= 3),
            times.Length == 0 ? 0 : Percentile(times, 0.5),
            times.Length == 0 ? 0 : Percentile(times, 0.9),
            times.Length == 0 ? 0 : times[^1],
            slowest,
            first.Elapsed.TotalMilliseconds,
            samples);
    }

    private static IReadOnlyList<KnowledgePath> Explain(PathFinder finder, PathNarrator narrator, (int User, int Item) pair, int count, out string? sentence)
    {
        var paths = finder.Find(pair.User, pair.Item, count);
        sentence = null;
        foreach (var path in paths)
        {
            string said = narrator.Describe(path);
            sentence ??= said;
        }

        return paths;
    }

    private static List<(int User, int Item)> DrawPairs(Dataset data, IRecommender model, PathBenchmarkOptions options)
    {
        var candidates = Enumerable.Range(0, data.Matrix.Users).Where(u => data.Matrix.CountOf(u) > 0).ToArray();
        if (options.HeaviestUsers)
        {
            candidates = [.. candidates.OrderByDescending(data.Matrix.CountOf).ThenBy(u => u)];
        }

        var random = new SplitMix64(SplitMix64.Derive(options.Seed, 0));

        // A partial Fisher–Yates shuffle draws distinct users; the heaviest are taken in order.
        var pairs = new List<(int, int)>(options.Pairs);
        for (int i = 0; i < candidates.Length && pairs.Count < options.Pairs; i++)
        {
            if (!options.HeaviestUsers)
            {
                int j = i + random.NextInt(candidates.Length - i);
                (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            }

            var top = model.Recommend(candidates[i], options.Top);
            if (top.Count > 0)
            {
                pairs.Add((candidates[i], top[random.NextInt(top.Count)].Item));
            }
        }

        return pairs;
    }

    private static double Percentile(double[] sorted, double q)
    {
        double at = q * (sorted.Length - 1);
        int low = (int)Math.Floor(at);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((at - low) * (sorted[high] - sorted[low]));
    }
}
