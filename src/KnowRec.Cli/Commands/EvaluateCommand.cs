using System.CommandLine;
using KnowRec.Data.Splits;
using KnowRec.Evaluation;
using KnowRec.Training;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec evaluate</c>: split a dataset, fit a model, score it honestly, print a table or one JSON object.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var model = new ModelOptions();
        var protocol = new Option<string>("--protocol") { Description = "user-ratio, random, leave-last-out, temporal, kfold, fixed, cold-items or cold-users", DefaultValueFactory = _ => "user-ratio" };
        var testRatio = new Option<double>("--test-ratio") { Description = "Share of rows held out (of items for cold-items, of users for cold-users)", DefaultValueFactory = _ => 0.2 };
        var coldHistory = new Option<int>("--cold-history") { Description = "For cold-users: rows each new user keeps in train, earliest first (0: attributes only)", DefaultValueFactory = _ => 5 };
        var folds = new Option<int>("--folds") { Description = "Folds for kfold", DefaultValueFactory = _ => 5 };
        var k = new Option<int>("--k") { Description = "Cutoff of the ranking metrics", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and the model", DefaultValueFactory = _ => 42 };
        var sampled = new Option<int?>("--sampled-negatives") { Description = "Rank each test item against N sampled negatives instead of the full catalogue (named in the report)" };
        var pool = new Option<string?>("--pool") { Description = "Items a full ranking runs over: catalogue, or cold-items (items with no training row; the default for --protocol cold-items)" };
        pool.AcceptOnlyFromAmong("catalogue", "cold-items");
        var saveSplit = new Option<string?>("--save-split") { Description = "Write train.tsv and test.tsv of the split to DIR (kfold: DIR/fold-N)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("evaluate", "Split a dataset, fit a model and measure it (full-catalogue ranking by default)");
        data.AddTo(command);
        model.AddTo(command);
        foreach (var option in new Option[] { protocol, testRatio, coldHistory, folds, k, seed, sampled, pool, saveSplit, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            model.Validate(result);
            var dataset = data.Load(result);
            var options = new ExperimentOptions
            {
                Model = model.Entry(result).Kind,
                Settings = model.Settings(result),
                Split = new SplitOptions
                {
                    Protocol = SplitProtocolNames.Parse(result.GetValue(protocol)!),
                    TestRatio = result.GetValue(testRatio),
                    Folds = result.GetValue(folds),
                    ColdUserHistory = result.GetValue(coldHistory),
                    Seed = result.GetValue(seed),
                },
                Evaluation = new EvaluationOptions
                {
                    Cutoffs = [result.GetValue(k)],
                    SampledNegatives = result.GetValue(sampled),
                    Pool = result.GetValue(pool) switch
                    {
                        "catalogue" => RankingPool.Catalogue,
                        "cold-items" => RankingPool.ColdItems,
                        _ => null,
                    },
                    Seed = result.GetValue(seed),
                },
                SaveSplitDirectory = result.GetValue(saveSplit),
            };
            var report = Experiment.Run(dataset, options, TrainingContext.Default, LineProgress.Instance);
            if (result.GetValue(json))
            {
                Output.Line(report.ToJson());
            }
            else
            {
                Print(report);
            }

            return 0;
        }));
        return command;
    }

    private static void Print(EvaluationReport report)
    {
        Output.Line($"{report.Model} on {report.Dataset}, protocol {report.Protocol}, seed {report.Seed}: {report.Users:N0} users evaluated, {report.Items:N0} items, {report.Train:N0} train / {report.Test:N0} test rows");
        Output.Line($"fit {report.FitSeconds:F2} s, evaluate {report.EvaluateSeconds:F2} s");
        Output.Table(["metric", "value"], report.Metrics.Select(m => (IReadOnlyList<string>)[m.Key, Output.Number(m.Value)]));
    }
}
