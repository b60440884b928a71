using KnowRec.Data.Readers;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Paths;
using KnowRec.Models;
using Xunit;

namespace KnowRec.Tests.Knowledge.Paths;

/// <summary>The explanation target on full ML-1M: ≤ 5 ms per (user, item) pair, the heaviest histories included.</summary>
public sealed class PathFinderTimingTests
{
    [DataFact("kg-ml1m-satori")]
    [Trait("Category", "Slow")]
    public void Find_HeaviestMl1mUsers_StaysUnderFiveMillisecondsPerPair()
    {
        var data = KnowledgeSource.Attach(DatasetLoader.Load(TestData.PathOf("ml-1m/pieces-LIN452-ReSN"), new LoadOptions()), TestData.PathOf("kg-ml1m-satori"));
        var model = ModelCatalog.Get("popularity").Fit(data);
        var finder = new PathFinder(data);
        var narrator = new PathNarrator(data);
        var heaviest = Enumerable.Range(0, data.Matrix.Users).OrderByDescending(data.Matrix.CountOf).Take(50).ToArray();
        Assert.True(data.Matrix.CountOf(heaviest[0]) > 2_000);

        var report = PathBenchmark.Run(model, finder, narrator, new PathBenchmarkOptions { Pairs = 100, Seed = 3 });
        Assert.True(report.MaxMilliseconds <= 5.0, $"slowest random pair took {report.MaxMilliseconds:F3} ms");

        foreach (int user in heaviest)
        {
            foreach (var item in model.Recommend(user, 10))
            {
                double best = double.MaxValue;
                for (int r = 0; r < 3; r++)
                {
                    long start = System.Diagnostics.Stopwatch.GetTimestamp();
                    foreach (var path in finder.Find(user, item.Item, 3))
                    {
                        _ = narrator.Describe(path);
                    }

                    best = Math.Min(best, System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                Assert.True(best <= 5.0, $"user {user} ({data.Matrix.CountOf(user)} items), item {item.Item}: {best:F3} ms");
            }
        }
    }
}
