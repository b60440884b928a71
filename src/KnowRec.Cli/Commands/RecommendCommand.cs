using System.CommandLine;
using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Training;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec recommend</c>: fit on all of a dataset and print one user's top items with titles.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var model = new ModelOptions();
        var user = new Option<string>("--user", "-u") { Description = "Raw user id", Required = true };
        var count = new Option<int>("--count", "-n") { Description = "How many items", DefaultValueFactory = _ => 10 };
        var explain = new Option<bool>("--explain") { Description = "For each item, list the history items that contributed most to its score" };
        var command = new Command("recommend", "Fit a model on a dataset and recommend items for one user, with titles");
        data.AddTo(command);
        model.AddTo(command);
        command.Options.Add(user);
        command.Options.Add(count);
        command.Options.Add(explain);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            model.Validate(result);
            var dataset = data.Load(result);
            var entry = model.Entry(result);
            string userId = result.GetValue(user)!;
            if (!dataset.Users.TryGetIndex(userId, out int userIndex))
            {
                throw new ArgumentException($"User '{userId}' is not in {dataset.Name} ({dataset.Users.Count:N0} users; ids like {string.Join(", ", dataset.Users.Ids.Take(3))}).");
            }

            var settings = model.Settings(result);
            var fitted = Output.Run($"fitting {entry.Kind} on {dataset.Interactions.Count:N0} interactions", () => entry.Fit(dataset, settings, TrainingContext.Default));
            var items = fitted.Recommend(userIndex, result.GetValue(count));
            Print(dataset, userIndex, items);
            if (result.GetValue(explain))
            {
                PrintExplanations(dataset, fitted, userIndex, items);
            }

            return 0;
        }));
        return command;
    }

    private static void PrintExplanations(Dataset dataset, IRecommender model, int user, IReadOnlyList<ScoredItem> items)
    {
        if (model is not IExplainableRecommender explainable)
        {
            string which = string.Join(", ", ModelCatalog.Entries.Where(e => e.Explains).Select(e => e.Kind));
            Output.Line($"{model.Kind} cannot explain its scores; models that can: {which}.");
            return;
        }

        Output.Line();
        Output.Line("Why:");
        foreach (var item in items)
        {
            var reasons = explainable.Explain(user, item.Item, 3);
            string because = reasons.Count == 0
                ? "no history item contributed"
                : string.Join("; ", reasons.Select(c => $"{dataset.TitleOf(c.Item)} ({Output.Number(c.Weight, 3)})"));
            Output.Line($"  {dataset.TitleOf(item.Item)}: because you have {because}");
        }
    }

    internal static void Print(Dataset dataset, int user, IReadOnlyList<ScoredItem> items)
    {
        Output.Line($"Top {items.Count} for user {dataset.Users[user]} ({dataset.Matrix.CountOf(user)} items in history):");
        Output.Table(
            ["#", "item", "title", "score"],
            items.Select((r, k) => (IReadOnlyList<string>)[(k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), dataset.Items[r.Item], dataset.TitleOf(r.Item), Output.Number(r.Score)]));
    }
}
