using System.Diagnostics;
using System.Globalization;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Golden;

/// <summary>A split saved with --save-split, scored by code that shares nothing with KnowRec, gives the same figures.</summary>
public sealed class SavedSplitIndependentTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "knowrec-split-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [DataFact("ml-100k")]
    public void Popularity_OnSavedSplit_MatchesNaiveComputation() => Check(SplitProtocol.UserRatio);

    [DataFact("ml-100k")]
    public void Popularity_OnSavedTemporalSplit_MatchesNaiveComputation() => Check(SplitProtocol.Temporal);

    [DataFact("ml-100k")]
    public void Popularity_OnSavedSplit_MatchesPythonChecker()
    {
        var report = Evaluate(SplitProtocol.Random);
        string script = Path.Combine(TestData.RepoRoot, "tools", "popularity_check.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(_dir);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return; // No python3 on this machine: the C# naive check above still runs.
        }

        using (process)
        {
            string output = process!.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var fields = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double Value(string name) => double.Parse(fields[Array.IndexOf(fields, name) + 1], CultureInfo.InvariantCulture);
            Assert.Equal(report.Users, (int)Value("users"));
            Assert.Equal(report.Metrics["precision@10"], Value("precision@10"), 0.001);
            Assert.Equal(report.Metrics["recall@10"], Value("recall@10"), 0.001);
            Assert.Equal(report.Metrics["ndcg@10"], Value("ndcg@10"), 0.001);
        }
    }

    private void Check(SplitProtocol protocol)
    {
        var report = Evaluate(protocol);
        var (users, precision, recall, ndcg) = NaivePopularity(_dir, 10);
        Assert.Equal(report.Users, users);
        Assert.Equal(report.Metrics["precision@10"], precision, 0.001);
        Assert.Equal(report.Metrics["recall@10"], recall, 0.001);
        Assert.Equal(report.Metrics["ndcg@10"], ndcg, 0.001);
    }

    private EvaluationReport Evaluate(SplitProtocol protocol)
    {
        var data = DatasetLoader.Load(Path.Combine(TestData.Root!, "ml-100k"));
        return Experiment.Run(data, new ExperimentOptions
        {
            Model = "popularity",
            Split = new SplitOptions { Protocol = protocol, Seed = 7 },
            SaveSplitDirectory = _dir,
        });
    }

    // Deliberately plain: strings, dictionaries and a full sort; no KnowRec types.
    private static (int Users, double Precision, double Recall, double Ndcg) NaivePopularity(string dir, int k)
    {
        var train = File.ReadAllLines(Path.Combine(dir, "train.tsv")).Select(l => l.Split('\t')).ToList();
        var test = File.ReadAllLines(Path.Combine(dir, "test.tsv")).Select(l => l.Split('\t')).ToList();
        var items = train.Concat(test).Select(f => f[1]).Distinct().ToList();
        var count = train.GroupBy(f => f[1]).ToDictionary(g => g.Key, g => g.Count());
        var ranked = items.OrderByDescending(i => count.GetValueOrDefault(i)).ToList();
        var seen = train.GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.Select(f => f[1]).ToHashSet());
        double p = 0, r = 0, n = 0;
        var truth = test.GroupBy(f => f[0]).ToList();
        foreach (var user in truth)
        {
            var relevant = user.Select(f => f[1]).ToHashSet();
            var history = seen.GetValueOrDefault(user.Key) ?? [];
            var top = ranked.Where(i => !history.Contains(i)).Take(k).ToList();
            int hits = top.Count(relevant.Contains);
            p += (double)hits / k;
            r += (double)hits / relevant.Count;
            double dcg = top.Select((i, rank) => relevant.Contains(i) ? 1 / Math.Log2(rank + 2) : 0).Sum();
            double idcg = Enumerable.Range(0, Math.Min(k, relevant.Count)).Sum(rank => 1 / Math.Log2(rank + 2));
            n += dcg / idcg;
        }

        return (truth.Count, p / truth.Count, r / truth.Count, n / truth.Count);
    }
}
