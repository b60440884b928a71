using System.CommandLine;
using KnowRec.Data;
using KnowRec.Knowledge.Paths;
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
        var explain = new Option<bool>("--explain")
        {
            Description = "For each item, list the history items that contributed most to its score (explainable models) and, with --kg, the best knowledge-graph paths from your history to it in words",
        };
        var newItems = new Option<string?>("--new-user-items") { Description = "Cold start: --user is a new user who has interacted with these item ids (comma-separated)" };
        var newAttributes = new Option<string?>("--new-user-attributes") { Description = "Cold start: --user is a new user with these attributes, e.g. gender=F,age=25,occupation=4 (names as in users.dat)" };
        var paths = new Option<int>("--paths") { Description = "With --explain and --kg: knowledge paths shown per item", DefaultValueFactory = _ => 3 };
        var command = new Command("recommend", "Fit a model on a dataset and recommend items for one user, with titles");
        data.AddTo(command);
        model.AddTo(command);
        command.Options.Add(user);
        command.Options.Add(count);
        command.Options.Add(explain);
        command.Options.Add(paths);
        command.Options.Add(newItems);
        command.Options.Add(newAttributes);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            model.Validate(result);
            if (result.GetValue(paths) < 1)
            {
                throw new ArgumentException($"--paths must be at least 1, got {result.GetValue(paths)}.");
            }

            var dataset = data.Load(result);
            var entry = model.Entry(result);
            string userId = result.GetValue(user)!;
            if (result.GetValue(newItems) is not null || result.GetValue(newAttributes) is not null)
            {
                dataset = NewUser.Add(dataset, userId, SplitList(result.GetValue(newItems)), ParseAttributes(result.GetValue(newAttributes)));
                Output.Progress($"new user {userId}: {dataset.Matrix.ItemsOf(dataset.Users.Count - 1).Length} items, attributes {result.GetValue(newAttributes) ?? "none"}");
            }

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
                PrintExplanations(dataset, fitted, userIndex, items, result.GetValue(paths));
            }

            return 0;
        }));
        return command;
    }

    private static string[] SplitList(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Dictionary<string, string> ParseAttributes(string? list)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in SplitList(list))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new ArgumentException($"--new-user-attributes: '{pair}' is not NAME=VALUE.");
            }

            if (!attributes.TryAdd(pair[..equals].Trim(), pair[(equals + 1)..].Trim()))
            {
                throw new ArgumentException($"--new-user-attributes: '{pair[..equals]}' is given twice.");
            }
        }

        return attributes;
    }

    private static void PrintExplanations(Dataset dataset, IRecommender model, int user, IReadOnlyList<ScoredItem> items, int pathCount)
    {
        var explainable = model as IExplainableRecommender;
        var knowledge = dataset.Knowledge;
        if (explainable is null && knowledge is null)
        {
            string which = string.Join(", ", ModelCatalog.Entries.Where(e => e.Explains).Select(e => e.Kind));
            Output.Line($"{model.Kind} cannot explain its scores; models that can: {which}. Attach a knowledge graph (--kg NAME) to explain any model through paths.");
            return;
        }

        // Any model is explained through the graph; a model with learned relation weights lends them to the path scores.
        var finder = knowledge is null ? null : new PathFinder(dataset, model as IRelationWeights);
        var narrator = knowledge is null ? null : new PathNarrator(dataset);
        Output.Line();
        Output.Line("Why:");
        foreach (var item in items)
        {
            string title = dataset.TitleOf(item.Item);
            if (explainable is not null)
            {
                var reasons = explainable.Explain(user, item.Item, 3);
                string because = reasons.Count == 0
                    ? "no history item contributed"
                    : string.Join("; ", reasons.Select(c => $"{dataset.TitleOf(c.Item)} ({Output.Number(c.Weight, 3)})"));
                Output.Line($"  {title}: because you have {because}");
            }
            else
            {
                Output.Line($"  {title}:");
            }

            if (finder is not null && narrator is not null)
            {
                var paths = finder.Find(user, item.Item, pathCount);
                foreach (var path in paths)
                {
                    Output.Line($"    - {narrator.Describe(path)}");
                }

                if (paths.Count == 0)
                {
                    Output.Line($"    (no knowledge path: {WhyNoPath(dataset, user, item.Item)})");
                }
            }
        }
    }

    private static string WhyNoPath(Dataset dataset, int user, int item)
    {
        var knowledge = dataset.Knowledge!;
        if (knowledge.EntityOf(item) < 0)
        {
            return $"this item is not linked to {knowledge.Graph.Name}";
        }

        var history = dataset.Matrix.ItemsOf(user);
        int linked = 0;
        foreach (int h in history)
        {
            linked += knowledge.EntityOf(h) >= 0 ? 1 : 0;
        }

        return linked == 0
            ? $"none of your {history.Length} history items is linked to {knowledge.Graph.Name}"
            : $"no entity of {knowledge.Graph.Name} links it to your {linked} linked history items within 2 hops";
    }

    internal static void Print(Dataset dataset, int user, IReadOnlyList<ScoredItem> items)
    {
        Output.Line($"Top {items.Count} for user {dataset.Users[user]} ({dataset.Matrix.CountOf(user)} items in history):");
        Output.Table(
            ["#", "item", "title", "score"],
            items.Select((r, k) => (IReadOnlyList<string>)[(k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), dataset.Items[r.Item], dataset.TitleOf(r.Item), Output.Number(r.Score)]));
    }
}
