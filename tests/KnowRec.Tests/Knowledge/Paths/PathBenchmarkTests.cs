using KnowRec.Knowledge.Paths;
using KnowRec.Models;
using Xunit;

namespace KnowRec.Tests.Knowledge.Paths;

public sealed class PathBenchmarkTests
{
    [Fact]
    public void Run_CountsLinkedItemsAndPaths_AndIsDeterministicForASeed()
    {
        var data = PathGraphs.Films();
        var model = ModelCatalog.Get("popularity").Fit(data);
        var finder = new PathFinder(data);
        var narrator = new PathNarrator(data);
        var options = new PathBenchmarkOptions { Pairs = 10, Top = 2, Seed = 5 };

        var report = PathBenchmark.Run(model, finder, narrator, options);
        Assert.Equal(3, report.Pairs); // only three users have a history
        Assert.Equal(report.Samples.Count(s => s.ItemLinked), report.LinkedItems);
        Assert.Equal(report.Samples.Count(s => s.Paths > 0), report.WithPath);
        Assert.InRange(report.WithShortPath, 0, report.WithPath);
        Assert.All(report.Samples, s => Assert.Equal(s.Paths > 0, s.Sentence is not null));
        Assert.All(report.Samples, s => Assert.Equal(s.Paths > 0 ? finder.Find(s.User, s.Item, 3).Min(p => p.Length) : 0, s.ShortestLength));
        Assert.InRange(report.MedianMilliseconds, 0, report.MaxMilliseconds);
        Assert.InRange(report.MaxMilliseconds, 0, report.SlowestCallMilliseconds);

        var again = PathBenchmark.Run(model, finder, narrator, options);
        Assert.Equal(report.Samples.Select(s => (s.User, s.Item, s.Sentence)), again.Samples.Select(s => (s.User, s.Item, s.Sentence)));
    }

    [Fact]
    public void Run_HeaviestUsers_TakesTheLongestHistoriesFirst()
    {
        var data = PathGraphs.Films();
        var model = ModelCatalog.Get("popularity").Fit(data);
        var report = PathBenchmark.Run(model, new PathFinder(data), new PathNarrator(data), new PathBenchmarkOptions { Pairs = 2, HeaviestUsers = true });
        Assert.Equal([0, 1], report.Samples.Select(s => s.User));
    }

    [Fact]
    public void Options_RejectNonPositiveCounts()
    {
        Assert.Throws<ArgumentException>(() => new PathBenchmarkOptions { Pairs = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new PathBenchmarkOptions { Top = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new PathBenchmarkOptions { Paths = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new PathBenchmarkOptions { Repeats = 0 }.Validate());
    }
}
