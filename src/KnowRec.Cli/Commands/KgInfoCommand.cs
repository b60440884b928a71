using System.CommandLine;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Loaders;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec kg info</c>: sizes, degrees and relations of a knowledge graph, and how many of a dataset's items it links.</summary>
internal static class KgInfoCommand
{
    public static Command Create()
    {
        var data = new DataOptions(required: false);
        var command = new Command("info", "Entities, relations, triples, degrees and item links of a knowledge graph (--kg), linked to a dataset when --data is given");
        data.AddTo(command);
        data.Knowledge.Required = true;
        command.SetAction(result => CommandRunner.Run(() =>
        {
            string kg = result.GetValue(data.Knowledge)!;
            ItemKnowledge? linked = null;
            KnowledgeGraph graph;
            if (result.GetValue(data.Data) is { } name && name.Length > 0)
            {
                linked = data.Load(result).Knowledge!;
                graph = linked.Graph;
            }
            else
            {
                graph = Output.Run($"loading {kg}", () => KnowledgeSource.Load(kg, new KnowledgeLoadOptions { Lenient = result.GetValue(data.Lenient) }));
            }

            Print(graph.Statistics(), graph.Name, linked);
            return 0;
        }));
        return command;
    }

    private static void Print(KnowledgeGraphStatistics s, string name, ItemKnowledge? linked)
    {
        Output.Table(
            ["graph", "entities", "relations", "triples", "item links", "isolated", "mean degree", "max degree"],
            [[name, s.Entities.ToString("N0"), s.Relations.ToString("N0"), s.Triples.ToString("N0"), s.LinkedItems.ToString("N0"), s.IsolatedEntities.ToString("N0"), Output.Number(s.MeanDegree, 2), s.MaxDegree.ToString("N0")]]);
        if (linked is not null)
        {
            Output.Line($"dataset items linked: {linked.LinkedItems:N0} of {linked.Items:N0} ({Output.Number(100.0 * linked.LinkedItems / Math.Max(1, linked.Items), 1)} %)");
        }

        Output.Line();
        Output.Table(["relation", "triples"], s.TriplesPerRelation.Select(p => (IReadOnlyList<string>)[p.Key, p.Value.ToString("N0")]));
    }
}
