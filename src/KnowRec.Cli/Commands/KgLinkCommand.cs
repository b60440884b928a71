using System.CommandLine;
using KnowRec.Data.Readers;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Linking;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec kg link</c>: links a dataset's items to item text rows or to another dataset's items by title + year, with counts and accuracy.</summary>
internal static class KgLinkCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var to = new Option<string?>("--to") { Description = "Another dataset NAME or PATH whose items to link to (e.g. ml-1m/pieces-LIN452-ReSN)" };
        var truth = new Option<string?>("--truth-kg") { Description = "Graph whose item links give the --data items an external id (e.g. kg-ml100k-freebase): ground truth" };
        var toTruth = new Option<string?>("--to-truth-kg") { Description = "Graph whose item links give the --to items an external id (e.g. kb4rec-linkage): ground truth" };
        var threshold = new Option<double>("--threshold") { Description = "Smallest confidence that links", DefaultValueFactory = _ => new LinkOptions().Threshold };
        var margin = new Option<double>("--margin") { Description = "A runner-up this close to the best makes the item ambiguous", DefaultValueFactory = _ => new LinkOptions().AmbiguityMargin };
        var show = new Option<int>("--show") { Description = "Print up to N examples of each kind of failure", DefaultValueFactory = _ => 5 };
        var write = new Option<string?>("--write") { Description = "Write every decision to this TSV file: source key, status, best target, confidence, runner-up, confidence" };
        var command = new Command("link", "Link the items of --data to --item-text rows or to the items of --to by normalised title + year; print linked/ambiguous/unlinked counts and, where ground truth exists, precision and recall")
        {
            to, truth, toTruth, threshold, margin, show, write,
        };
        data.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            string? text = result.GetValue(data.ItemText);
            string? other = result.GetValue(to);
            if ((text is null) == (other is null))
            {
                throw new ArgumentException("Give exactly one of --item-text or --to.", "--to");
            }

            var options = new LinkOptions { Threshold = result.GetValue(threshold), AmbiguityMargin = result.GetValue(margin) };
            var source = data.LoadPlain(result);
            var sourceTitles = DatasetTitles.Of(source);
            IReadOnlyList<TitledItem> targets;
            if (text is not null)
            {
                targets = [.. data.ReadItemText(result, text, source).Select(r => new TitledItem(r.Key, r.Title, r.Year))];
            }
            else
            {
                string path = DataLocator.Resolve(other!);
                targets = DatasetTitles.Of(Output.Run($"loading {path}", () => DatasetLoader.Load(path, data.ToLoadOptions(result))));
            }

            var links = Output.Run($"linking {sourceTitles.Count:N0} items to {targets.Count:N0}", () => TitleLinker.Link(sourceTitles, targets, options));
            Truth? known = null;
            if (text is not null)
            {
                known = new Truth("shared item ids", sourceTitles.ToDictionary(s => s.Key, s => s.Key, StringComparer.Ordinal), targets.ToDictionary(s => s.Key, s => s.Key, StringComparer.Ordinal));
            }
            else if (result.GetValue(truth) is { } t && result.GetValue(toTruth) is { } u)
            {
                known = new Truth($"{t} = {u}", ExternalIds(t, result, data), ExternalIds(u, result, data));
            }

            Print(links, known, sourceTitles, targets, result.GetValue(show));
            if (result.GetValue(write) is { } file)
            {
                File.WriteAllLines(file, links.Links.Select(l => string.Join('\t', l.SourceKey, l.Status.ToString().ToLowerInvariant(), l.Best ?? "", Output.Number(l.Confidence, 4), l.RunnerUp ?? "", Output.Number(l.RunnerUpConfidence, 4))).Prepend("source\tstatus\tbest\tconfidence\trunner_up\trunner_up_confidence"));
                Output.Progress($"decisions written to {file}");
            }

            return 0;
        }));
        return command;
    }

    private static Dictionary<string, string> ExternalIds(string graph, ParseResult result, DataOptions data)
    {
        var loaded = Output.Run($"loading {graph}", () => KnowledgeSource.Load(graph, new Knowledge.Loaders.KnowledgeLoadOptions { Lenient = result.GetValue(data.Lenient) }));
        return loaded.ItemLinks.ToDictionary(p => p.Key, p => loaded.Entities[p.Value], StringComparer.Ordinal);
    }

    private static void Print(LinkResult links, Truth? truth, IReadOnlyList<TitledItem> sources, IReadOnlyList<TitledItem> targets, int show)
    {
        string Share(int n) => $"{n:N0} ({Output.Number(100.0 * n / Math.Max(1, links.Links.Count), 2)} %)";
        Output.Table(["items", "linked", "ambiguous", "unlinked"], [[links.Links.Count.ToString("N0"), Share(links.Linked), Share(links.Ambiguous), Share(links.Unlinked)]]);
        var failures = new List<(string Kind, IEnumerable<ItemLink> Links)>
        {
            ("ambiguous", links.Links.Where(l => l.Status == LinkStatus.Ambiguous)),
            ("unlinked", links.Links.Where(l => l.Status == LinkStatus.Unlinked)),
        };
        if (truth is not null)
        {
            var accuracy = LinkAccuracy.Measure(links, truth.Sources, truth.Targets);
            failures.Insert(0, ("wrong (by the ground truth)", links.Links.Where(l => l.Target is { } t
                && truth.Sources.TryGetValue(l.SourceKey, out string? a) && truth.Targets.TryGetValue(t, out string? b) && a != b)));
            Output.Line();
            Output.Line($"ground truth: {truth.Name}");
            Output.Table(
                ["judged links", "correct", "precision", "linkable", "recall", "coverage"],
                [[accuracy.Judged.ToString("N0"), accuracy.Correct.ToString("N0"), Percent(accuracy.Precision), accuracy.Linkable.ToString("N0"), Percent(accuracy.Recall), Percent(accuracy.Coverage)]]);
        }

        var sourceTitle = sources.ToDictionary(s => s.Key, s => s.Title, StringComparer.Ordinal);
        var targetTitle = targets.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        string Title(Dictionary<string, string> titles, string? key) => key is null ? "-" : $"{titles.GetValueOrDefault(key, "?")} [{key}]";
        foreach (var (kind, failed) in failures)
        {
            var examples = failed.Take(show).ToList();
            if (examples.Count > 0)
            {
                Output.Line();
                Output.Line($"{kind}, e.g.:");
                Output.Table(
                    ["item", "best", "confidence", "runner-up", "confidence"],
                    examples.Select(l => (IReadOnlyList<string>)[Title(sourceTitle, l.SourceKey), Title(targetTitle, l.Best), Output.Number(l.Confidence, 3), Title(targetTitle, l.RunnerUp), Output.Number(l.RunnerUpConfidence, 3)]));
            }
        }
    }

    private sealed record Truth(string Name, IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<string, string> Targets);

    private static string Percent(double share) => $"{Output.Number(100 * share, 2)} %";
}
