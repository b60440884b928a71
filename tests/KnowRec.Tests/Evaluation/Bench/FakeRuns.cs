using KnowRec.Evaluation;
using KnowRec.Evaluation.Bench;

namespace KnowRec.Tests.Evaluation.Bench;

/// <summary>Plan rows and stored reports made up for the bench tests: nothing is fitted or evaluated.</summary>
internal static class FakeRuns
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 11, 20, 5, TimeSpan.Zero);

    public static BenchRun Row(string model, string data = "ml-1m/pieces-LIN452-ReSN", string protocol = "fixed", params (string Name, string Value)[] set) =>
        new() { Data = data, Model = model, Protocol = protocol, Set = set.ToDictionary(s => s.Name, s => s.Value) };

    public static EvaluationReport Report(string model, double ndcg, double? rmse = null)
    {
        var metrics = new Dictionary<string, double> { ["precision@10"] = ndcg / 2, ["ndcg@10"] = ndcg };
        if (rmse is { } r)
        {
            metrics["rmse"] = r;
        }

        return new EvaluationReport { Dataset = "fake", Model = model, Protocol = "fixed/full", Metrics = metrics, FitSeconds = 1.5, EvaluateSeconds = 0.25 };
    }

    public static RunRecord Record(BenchRun run, double ndcg, DateTimeOffset? measured = null, string machine = "test machine") =>
        RunRecord.Now(run, Report(run.Model, ndcg), machine, measured ?? Monday);
}
