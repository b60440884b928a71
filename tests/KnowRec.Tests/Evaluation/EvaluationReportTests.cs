using System.Text.Json;
using KnowRec.Evaluation;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public class EvaluationReportTests
{
    private static EvaluationReport Fold(double precision, double ndcg, int users) => new()
    {
        Dataset = "ml-100k",
        Model = "popularity",
        Options = new Dictionary<string, JsonElement> { ["factors"] = JsonDocument.Parse("64").RootElement.Clone() },
        Protocol = "kfold-5/full",
        Seed = 42,
        Users = users,
        Items = 1682,
        Train = 80000,
        Test = 20000,
        FitSeconds = 1.5,
        EvaluateSeconds = 0.25,
        Metrics = new OrderedDictionary<string, double> { ["precision@10"] = precision, ["ndcg@10"] = ndcg },
    };

    [Fact]
    public void ToJson_UsesCamelCaseAndDocumentedKeys()
    {
        using var json = JsonDocument.Parse(Fold(0.1, 0.2, 900).ToJson());
        string[] expected = ["dataset", "model", "options", "protocol", "seed", "users", "items", "train", "test", "fitSeconds", "evaluateSeconds", "metrics"];
        Assert.Equal(expected, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.1, json.RootElement.GetProperty("metrics").GetProperty("precision@10").GetDouble());
        Assert.Equal(64, json.RootElement.GetProperty("options").GetProperty("factors").GetInt32());
    }

    [Fact]
    public void FromJson_RoundTrips_KeepingMetricOrder()
    {
        var report = Fold(0.1, 0.2, 900) with
        {
            Metrics = new OrderedDictionary<string, double> { ["recall@10"] = 0.3, ["auc"] = double.NaN, ["hit@10"] = 1.0 / 3 },
        };
        string json = report.ToJson();
        var back = EvaluationReport.FromJson(json);
        Assert.Equal(["recall@10", "auc", "hit@10"], back.Metrics.Keys);
        Assert.True(double.IsNaN(back.Metrics["auc"]));
        Assert.Equal(1.0 / 3, back.Metrics["hit@10"]);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(report.ToJson(indented: false), back.ToJson(indented: false));
    }

    [Fact]
    public void FromJson_Throws_WhenRequiredPropertyMissing()
    {
        Assert.Throws<JsonException>(() => EvaluationReport.FromJson("""{"dataset":"x","model":"y","protocol":"z"}"""));
    }

    [Fact]
    public void Average_TakesMeansAndKeepsFolds()
    {
        var average = EvaluationReport.Average([Fold(0.1, 0.2, 900), Fold(0.3, 0.4, 901)]);
        Assert.Equal(0.2, average.Metrics["precision@10"], 12);
        Assert.Equal(0.3, average.Metrics["ndcg@10"], 12);
        Assert.Equal(["precision@10", "ndcg@10"], average.Metrics.Keys);
        Assert.Equal(901, average.Users);
        Assert.Equal(1.5, average.FitSeconds, 12);
        Assert.NotNull(average.Folds);
        Assert.Equal(2, average.Folds.Count);
        Assert.Equal(0.3, average.Folds[1]["precision@10"]);

        var back = EvaluationReport.FromJson(average.ToJson());
        Assert.Equal(average.ToJson(), back.ToJson());
        Assert.Equal(0.4, back.Folds![1]["ndcg@10"]);
    }

    [Fact]
    public void Average_Throws_WhenFoldsDiffer()
    {
        var other = Fold(0.1, 0.2, 900) with { Metrics = new OrderedDictionary<string, double> { ["recall@10"] = 0.1 } };
        Assert.Throws<ArgumentException>(() => EvaluationReport.Average([Fold(0.1, 0.2, 900), other]));
        Assert.Throws<ArgumentException>(() => EvaluationReport.Average([]));
    }

    [Fact]
    public void ToJson_OmitsFolds_ForSingleSplit()
    {
        Assert.DoesNotContain("folds", Fold(0.1, 0.2, 900).ToJson(), StringComparison.Ordinal);
    }
}
