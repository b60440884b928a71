using System.ClientModel;
using System.CommandLine;
using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Features.Text;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Generation;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec knowledge generate</c>: item knowledge and user preferences from an LLM or from rules, written as a knowledge folder.</summary>
internal static class KnowledgeGenerateCommand
{
    /// <summary>Environment variable naming the chat endpoint when <c>--llm-endpoint</c> is not given.</summary>
    public const string EndpointVariable = "KNOWREC_LLM_ENDPOINT";

    /// <summary>Environment variable naming the chat model when <c>--llm-model</c> is not given.</summary>
    public const string ModelVariable = "KNOWREC_LLM_MODEL";

    public static Command Create()
    {
        var dataOptions = new DataOptions();
        var endpoint = new Option<string?>("--llm-endpoint") { Description = $"OpenAI-compatible base address, e.g. http://localhost:11434/v1/ (Ollama); default ${EndpointVariable}, else OpenAI's. Key: $OPENAI_API_KEY" };
        var model = new Option<string?>("--llm-model") { Description = $"Chat model, e.g. gpt-4o-mini or llama3.1; default ${ModelVariable}. Without one, rules are used" };
        var rules = new Option<bool>("--rules") { Description = "Use the rule extractor (structured item text, genres, tags, rating statistics): no LLM, no network" };
        var users = new Option<int>("--users") { Description = "Also summarise the preferences of the first N users (by index)", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency") { Description = "Most LLM requests in flight", DefaultValueFactory = _ => 4 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one LLM request may take before it is retried", DefaultValueFactory = _ => 60 };
        var retries = new Option<int>("--retries") { Description = "Retries of a request after 429, 5xx, network errors or timeouts", DefaultValueFactory = _ => 4 };
        var attempts = new Option<int>("--max-attempts") { Description = "Answers asked for when they fail the JSON schema check", DefaultValueFactory = _ => 3 };
        var inputPrice = new Option<decimal>("--input-price") { Description = "Price per 1,000 input tokens, for the cost summary", DefaultValueFactory = _ => 0m };
        var outputPrice = new Option<decimal>("--output-price") { Description = "Price per 1,000 output tokens", DefaultValueFactory = _ => 0m };
        var cache = new Option<string?>("--cache") { Description = "Folder of cached LLM answers (default OUT/cache): reruns ask nothing twice" };
        var output = new Option<string>("--out") { Description = "Folder to write items.jsonl, users.jsonl and the extracted graph (triples.tsv, links.tsv, names.tsv)", Required = true };
        var command = new Command("generate", "Write item knowledge and user preferences with an LLM (KAR prompts) or rules, and extract their facts as triples");
        dataOptions.AddTo(command);
        foreach (var option in new Option[] { endpoint, model, rules, users, concurrency, timeout, retries, attempts, inputPrice, outputPrice, cache, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            string outDir = result.GetValue(output)!;
            string? modelName = result.GetValue(model) ?? Environment.GetEnvironmentVariable(ModelVariable);
            bool useRules = result.GetValue(rules) || string.IsNullOrWhiteSpace(modelName);
            var options = new LlmKnowledgeOptions
            {
                Model = modelName ?? "",
                Concurrency = result.GetValue(concurrency),
                Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                MaxRetries = result.GetValue(retries),
                MaxAttempts = result.GetValue(attempts),
                InputPricePer1kTokens = result.GetValue(inputPrice),
                OutputPricePer1kTokens = result.GetValue(outputPrice),
                CacheDirectory = result.GetValue(cache) ?? Path.Combine(outDir, "cache"),
            };
            if (!useRules)
            {
                options.Validate();
            }
            else if (!result.GetValue(rules))
            {
                Output.Progress($"no LLM configured (--llm-model or ${ModelVariable}): using rules");
            }

            ArgumentOutOfRangeException.ThrowIfNegative(result.GetValue(users), "--users");
            var data = dataOptions.Load(result);
            var userIndices = Enumerable.Range(0, Math.Min(result.GetValue(users), data.Users.Count)).ToList();
            var clock = Stopwatch.StartNew();
            try
            {
                var run = useRules
                    ? Rules(data, result.GetValue(dataOptions.Data)!, userIndices)
                    : Llm(data, userIndices, options, result.GetValue(endpoint) ?? Environment.GetEnvironmentVariable(EndpointVariable));
                double generateSeconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var graph = KnowledgeTriples.Build($"{data.Name}-{(useRules ? "rules" : "llm")}", run.Items);
                double extractSeconds = clock.Elapsed.TotalSeconds;
                KnowledgeStore.Write(outDir, run.Items, run.Users);
                KnowledgeStore.WriteGraph(outDir, graph);
                Report(data, run, graph, generateSeconds, extractSeconds, outDir);
                return run.Failures > 0 ? CommandRunner.Failure : 0;
            }
            catch (ClientResultException e)
            {
                Console.Error.WriteLine($"error: the LLM endpoint refused the request (HTTP {e.Status}): {e.Message}");
                return CommandRunner.Failure;
            }
        }));
        return command;
    }

    private sealed record Run(IReadOnlyList<ItemKnowledgeRecord> Items, IReadOnlyList<UserPreferenceRecord> Users, GenerationSummary? ItemSummary, GenerationSummary? UserSummary, int Failures);

    private static Run Rules(Dataset data, string dataName, List<int> users)
    {
        var tags = ItemTagReader.Read(DataLocator.Resolve(dataName));
        var items = Output.Run($"extracting rule knowledge for {data.Items.Count:N0} items", () => RuleKnowledgeExtractor.Items(data, tags));
        var preferences = users.Count > 0 ? Output.Run($"summarising {users.Count:N0} users", () => RulePreferenceExtractor.Users(data, users)) : [];
        return new Run(items, preferences, null, null, 0);
    }

    private static Run Llm(Dataset data, List<int> users, LlmKnowledgeOptions options, string? endpoint)
    {
        var uri = string.IsNullOrWhiteSpace(endpoint) ? null : OpenAiConnection.ParseEndpoint(endpoint);
        using var client = LlmKnowledgeGenerator.OpenAiChatClient(uri, null, options.Model);
        var generator = new LlmKnowledgeGenerator(client, options);
        Output.Progress($"asking {options.Model} at {uri?.ToString() ?? "api.openai.com"} ({options.Concurrency} at a time, cache {options.CacheDirectory})");
        var items = GenerationProgress.Run($"items ({options.Model})", data.Items.Count, p => generator.GenerateItemsAsync(data, null, p));
        var preferences = users.Count > 0 ? GenerationProgress.Run($"users ({options.Model})", users.Count, p => generator.GenerateUsersAsync(data, users, p)) : null;
        foreach (var (key, reason) in items.Failures.Concat(preferences?.Failures ?? []).Take(10))
        {
            Output.Progress($"failed {key}: {reason}");
        }

        return new Run(items.Records, preferences?.Records ?? [], items.Summary, preferences?.Summary, items.Failures.Count + (preferences?.Failures.Count ?? 0));
    }

    private static void Report(Dataset data, Run run, KnowledgeGraph graph, double generateSeconds, double extractSeconds, string outDir)
    {
        Output.Line($"{run.Items.Count:N0} of {data.Items.Count:N0} items have knowledge, {run.Users.Count:N0} users have preferences; written to {outDir}");
        Output.Line($"graph: {graph.Triples.Count:N0} triples, {graph.Entities.Count:N0} entities, {graph.Relations.Count:N0} relations, {graph.ItemLinks.Count:N0} items linked; generate {generateSeconds:F2} s, extract {extractSeconds:F2} s");
        var byRelation = graph.Triples.GroupBy(t => t.Relation).Select(g => (Name: graph.Relations[g.Key], Count: g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal);
        Output.Table(["relation", "triples"], byRelation.Select(r => (IReadOnlyList<string>)[r.Name, r.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)]));
        var summaries = new[] { ("items", run.ItemSummary), ("users", run.UserSummary) }.Where(s => s.Item2 is not null).Select(s => (s.Item1, Summary: s.Item2!)).ToList();
        if (summaries.Count > 0)
        {
            Output.Table(
                ["records", "asked", "cache hits", "generated", "failed", "corrupt cache", "requests", "malformed", "retries", "timeouts", "input tokens", "output tokens", "cost"],
                summaries.Select(s => (IReadOnlyList<string>)
                [
                    s.Item1, $"{s.Summary.Requested:N0}", $"{s.Summary.CacheHits:N0}", $"{s.Summary.Generated:N0}", $"{s.Summary.Failed:N0}", $"{s.Summary.CorruptCacheEntries:N0}",
                    $"{s.Summary.Requests:N0}", $"{s.Summary.MalformedAnswers:N0}", $"{s.Summary.Retries:N0}", $"{s.Summary.Timeouts:N0}",
                    $"{s.Summary.InputTokens:N0}", $"{s.Summary.OutputTokens:N0}", Output.Number((double)s.Summary.Cost, 4),
                ]));
        }
    }
}
