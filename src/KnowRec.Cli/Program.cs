using System.CommandLine;
using KnowRec.Cli.Commands;

var data = new Command("data", "Inspect and fetch datasets") { DataInfoCommand.Create(), DataPullCommand.Create() };
var kg = new Command("kg", "Inspect, link and embed knowledge graphs") { KgInfoCommand.Create(), KgLinkCommand.Create(), KgEmbedCommand.Create(), KgExplainBenchCommand.Create() };
var text = new Command("text", "Encode item text") { TextEncodeCommand.Create() };
var knowledge = new Command("knowledge", "Generate item knowledge and user preferences with an LLM or rules") { KnowledgeGenerateCommand.Create() };
var root = new RootCommand("knowrec: knowledge-enhanced recommendation for .NET")
{
    QuickstartCommand.Create(),
    data,
    kg,
    text,
    knowledge,
    EvaluateCommand.Create(),
    RecommendCommand.Create(),
    ModelsCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
