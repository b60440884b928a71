using System.CommandLine;
using KnowRec.Data;
using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Loaders;

namespace KnowRec.Cli;

/// <summary>The options every command that reads a dataset shares, and how they become a loaded <see cref="Dataset"/>.</summary>
internal sealed class DataOptions
{
    public DataOptions(bool required = true) => Data = new Option<string>("--data", "-d")
    {
        Description = "Dataset NAME (under $KNOWREC_DATA or ~/.knowrec/datasets, e.g. ml-100k, ml-1m/pieces-LIN452-ReSN) or a PATH",
        Required = required,
    };

    public Option<string> Data { get; }

    public Option<string?> Knowledge { get; } = new("--kg")
    {
        Description = "Knowledge graph to attach to the items: a folder NAME under $KNOWREC_DATA (e.g. kg-ml100k-freebase, kg-ml1m-satori) or a PATH",
    };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "File format: ml-100k, ml-1m, ml-latest, pairs, hetrec-lastfm, amazon-json, delimited (default: detect)",
    };

    public Option<bool> Lenient { get; } = new("--lenient") { Description = "Skip and count bad lines instead of stopping at the first" };

    public Option<DuplicatePolicy> Duplicates { get; } = new("--duplicates")
    {
        Description = "What to keep of repeated (user, item) rows: KeepLatest, KeepMax or Sum",
        DefaultValueFactory = _ => DuplicatePolicy.KeepLatest,
    };

    public Option<float?> ImplicitThreshold { get; } = new("--implicit-threshold") { Description = "Ratings >= N become implicit positives; the rest are dropped" };

    public Option<int> MinUser { get; } = new("--min-user-interactions") { Description = "k-core: drop users with fewer interactions (repeated with items until stable)" };

    public Option<int> MinItem { get; } = new("--min-item-interactions") { Description = "k-core: drop items with fewer interactions" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Format);
        command.Options.Add(Lenient);
        command.Options.Add(Duplicates);
        command.Options.Add(ImplicitThreshold);
        command.Options.Add(MinUser);
        command.Options.Add(MinItem);
        command.Options.Add(Knowledge);
    }

    public LoadOptions ToLoadOptions(ParseResult result) => new()
    {
        Format = result.GetValue(Format),
        Lenient = result.GetValue(Lenient),
        DuplicatePolicy = result.GetValue(Duplicates),
        ImplicitThreshold = result.GetValue(ImplicitThreshold),
        MinUserInteractions = result.GetValue(MinUser),
        MinItemInteractions = result.GetValue(MinItem),
    };

    public Dataset Load(ParseResult result)
    {
        string path = DataLocator.Resolve(result.GetValue(Data)!);
        var options = ToLoadOptions(result);
        var data = Output.Run($"loading {path}", () => DatasetLoader.Load(path, options));
        if (data.Cleaning.Total > 0)
        {
            Output.Progress($"cleaning: {string.Join(", ", data.Cleaning.Counts.Select(c => $"{c.Key} {c.Value}"))}");
        }

        if (result.GetValue(Knowledge) is { } kg)
        {
            data = Output.Run($"attaching knowledge graph {kg}", () => KnowledgeSource.Attach(data, kg, new KnowledgeLoadOptions { Lenient = result.GetValue(Lenient), Report = data.Cleaning }));
            var linked = data.Knowledge!;
            Output.Progress($"knowledge: {linked.Graph.Triples.Count:N0} triples, {linked.LinkedItems:N0} of {data.Items.Count:N0} items linked");
        }

        return data;
    }
}
