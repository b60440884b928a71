using System.CommandLine;
using KnowRec.Knowledge.Paths;
using KnowRec.Training;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec kg explain-bench</c>: how often, and how fast, recommendations are explained by knowledge paths.</summary>
internal static class KgExplainBenchCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var model = new ModelOptions();
        var pairs = new Option<int>("--pairs") { Description = "Random (user, recommended item) pairs", DefaultValueFactory = _ => 100 };
        var top = new Option<int>("--top") { Description = "Each pair's item is drawn from the user's top N", DefaultValueFactory = _ => 10 };
        var paths = new Option<int>("--paths") { Description = "Paths found and said per pair", DefaultValueFactory = _ => 3 };
        var hops = new Option<int>("--hops") { Description = "Most knowledge-graph hops between a history item and the item (1-3)", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draw", DefaultValueFactory = _ => 1 };
        var repeats = new Option<int>("--repeats") { Description = "Timed repeats per pair; a pair's time is its fastest", DefaultValueFactory = _ => 3 };
        var heaviest = new Option<bool>("--heaviest") { Description = "Take the users with the longest histories (the worst case) instead of random ones" };
        var show = new Option<int>("--show") { Description = "Print this many of the pairs' best sentences", DefaultValueFactory = _ => 5 };
        var command = new Command("explain-bench", "Fit a model, explain random (user, top-N item) pairs through the --kg graph, report the share with a path and the time per pair");
        data.AddTo(command);
        data.Knowledge.Required = true;
        model.AddTo(command);
        foreach (var option in new Option[] { pairs, top, paths, hops, seed, repeats, heaviest, show })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            model.Validate(result);
            var benchOptions = new PathBenchmarkOptions { Pairs = result.GetValue(pairs), Top = result.GetValue(top), Paths = result.GetValue(paths), Seed = result.GetValue(seed), Repeats = result.GetValue(repeats), HeaviestUsers = result.GetValue(heaviest) };
            benchOptions.Validate();
            var pathOptions = new PathOptions { MaxKnowledgeHops = result.GetValue(hops) };
            pathOptions.Validate();
            var dataset = data.Load(result);
            var entry = model.Entry(result);
            var fitted = Output.Run($"fitting {entry.Kind} on {dataset.Interactions.Count:N0} interactions", () => entry.Fit(dataset, model.Settings(result), TrainingContext.Default));
            var finder = Output.Run("indexing the graph", () => new PathFinder(dataset, fitted as IRelationWeights, pathOptions));
            var report = Output.Run($"explaining {benchOptions.Pairs} pairs", () => PathBenchmark.Run(fitted, finder, new PathNarrator(dataset), benchOptions));
            Output.Table(
                ["model", "graph", "pairs", "item linked", "with path ≤ 3", "share", "any path", "median ms", "p90 ms", "max ms", "slowest call ms", "first call ms"],
                [[entry.Kind, dataset.Knowledge!.Graph.Name, report.Pairs.ToString("N0"), report.LinkedItems.ToString("N0"), report.WithShortPath.ToString("N0"), $"{Output.Number(100.0 * report.WithShortPath / report.Pairs, 1)} %",
                  report.WithPath.ToString("N0"), Output.Number(report.MedianMilliseconds, 3), Output.Number(report.P90Milliseconds, 3), Output.Number(report.MaxMilliseconds, 3), Output.Number(report.SlowestCallMilliseconds, 3), Output.Number(report.FirstCallMilliseconds, 1)]]);
            foreach (var sample in report.Samples.Take(result.GetValue(show)))
            {
                Output.Line($"  user {dataset.Users[sample.User]}, {dataset.TitleOf(sample.Item)}: {sample.Sentence ?? "(no path)"}");
            }

            return 0;
        }));
        return command;
    }
}
