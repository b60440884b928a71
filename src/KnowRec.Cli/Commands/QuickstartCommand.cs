using System.CommandLine;
using KnowRec.Data;
using KnowRec.Data.Download;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Data.Synthetic;
using KnowRec.Evaluation;
using KnowRec.Models;
using KnowRec.Training;

namespace KnowRec.Cli.Commands;

/// <summary>
/// <c>knowrec quickstart</c>: find MovieLens-100K (data folder, else download), split it, fit and compare every model,
/// and show recommendations with titles; with no data and no network, say so and use the built-in synthetic catalogue.
/// </summary>
internal static class QuickstartCommand
{
    private const string DatasetName = "ml-100k";

    public static Command Create()
    {
        var noDownload = new Option<bool>("--no-download") { Description = "Never try the network; fall back to the synthetic catalogue if no data is found" };
        var user = new Option<string?>("--user", "-u") { Description = "Raw user id to recommend for (default: the first user)" };
        var command = new Command("quickstart", "Train, evaluate and recommend on MovieLens-100K in one go") { noDownload, user };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var dataset = Find(result.GetValue(noDownload));
            Output.Line($"Dataset {dataset.Name}: {dataset.Users.Count:N0} users, {dataset.Items.Count:N0} items, {dataset.Interactions.Count:N0} interactions.");
            var split = new SplitOptions { Protocol = SplitProtocol.UserRatio, TestRatio = 0.2, Seed = 42 };
            Output.Line("Protocol: per-user 80/20 split (seed 42), full-catalogue ranking, K = 10, training items excluded; RMSE for rating models.");
            var reports = new List<EvaluationReport>();
            foreach (var entry in ModelCatalog.Entries.Where(e => !SlowToTrain.Contains(e.Kind)))
            {
                reports.Add(Output.Run(
                    $"fitting and evaluating {entry.Kind}",
                    () => Experiment.Run(dataset, new ExperimentOptions { Model = entry.Kind, Split = split }, TrainingContext.Default)));
            }

            Output.Table(
                ["model", "precision@10", "recall@10", "ndcg@10", "map@10", "coverage@10", "rmse", "fit s"],
                reports.Select(r => (IReadOnlyList<string>)[r.Model, M(r, "precision@10"), M(r, "recall@10"), M(r, "ndcg@10"), M(r, "map@10"), M(r, "coverage@10"), M(r, "rmse"), Output.Number(r.FitSeconds, 3)]));

            var best = reports.MaxBy(r => r.Metrics["ndcg@10"])!;
            int userIndex = PickUser(dataset, result.GetValue(user));
            Output.Line();
            Output.Line($"Best by NDCG@10: {best.Model}; fitted on all data:");
            var model = Output.Run($"fitting {best.Model} on all data", () => ModelCatalog.Get(best.Model).Fit(dataset));
            RecommendCommand.Print(dataset, userIndex, model.Recommend(userIndex, 10));
            return 0;
        }));
        return command;
    }

    // The neural models train for minutes at their default settings; quickstart is a tour, so it lists the models
    // that fit in seconds and `knowrec evaluate --model KIND` runs the others.
    // Knowledge-graph models also need --kg, which quickstart does not attach, and kar needs knowledge or text vectors.
    private static readonly HashSet<string> SlowToTrain = ["ncf", "bilinear", "two-tower", "lightgcn", "sasrec", "cke", "kgat", "kgin", "hybrid", "kar"];

    // Rating metrics exist only for models that predict ratings.
    private static string M(EvaluationReport report, string key) => report.Metrics.TryGetValue(key, out double value) ? Output.Number(value) : "—";

    private static int PickUser(Dataset dataset, string? id)
    {
        if (id is null)
        {
            return 0;
        }

        return dataset.Users.TryGetIndex(id, out int index) ? index : throw new ArgumentException($"User '{id}' is not in {dataset.Name}.");
    }

    private static Dataset Find(bool noDownload)
    {
        try
        {
            return DatasetLoader.Load(DataLocator.Resolve(DatasetName));
        }
        catch (DirectoryNotFoundException)
        {
            // Not on disk: try the network, then the synthetic catalogue.
        }

        string reason = $"MovieLens-100K was not found under {string.Join(" or ", DataLocator.DefaultRoots)}";
        if (!noDownload)
        {
            try
            {
                Output.Progress($"{reason}; downloading it");
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                string folder = new DatasetDownloader(http).PullAsync(DownloadCatalog.Get(DatasetName), DataLocator.DefaultRoots[^1]).GetAwaiter().GetResult();
                return DatasetLoader.Load(folder);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or TaskCanceledException or UnauthorizedAccessException)
            {
                reason += $", and it could not be downloaded ({e.Message})";
            }
        }

        Output.Line($"{reason}.");
        Output.Line("Running on KnowRec's built-in synthetic catalogue instead (300 users, 240 items, genre-driven tastes).");
        Output.Line("Set KNOWREC_DATA to a folder holding ml-100k, or run `knowrec data pull ml-100k` when online, for real data.");
        return SyntheticCatalogue.Create();
    }
}
