using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Embeddings;
using KnowRec.Knowledge.Loaders;
using KnowRec.Models;
using KnowRec.Training;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec kg embed</c>: fit TransE, TransR or RotatE on a graph's training triples and report filtered link prediction on held-out ones.</summary>
internal static class KgEmbedCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public static Command Create()
    {
        var kg = new Option<string>("--kg") { Description = "Knowledge graph: a folder NAME under $KNOWREC_DATA (e.g. kg-ml100k-freebase) or a PATH", Required = true };
        var method = new Option<string>("--method") { Description = "transe, transr or rotate", DefaultValueFactory = _ => "transe" };
        var dimension = new Option<int?>("--dimension") { Description = "Embedding size d (complex coordinates for rotate); default 64" };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training triples; default 30" };
        var testShare = new Option<double>("--test-share") { Description = "Share of triples held out for the reported figures", DefaultValueFactory = _ => 0.1 };
        var validationShare = new Option<double>("--validation-share") { Description = "Share of triples held out for tuning (reported separately)", DefaultValueFactory = _ => 0.0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and the fit", DefaultValueFactory = _ => 42 };
        var threads = new Option<int>("--threads") { Description = "Most threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var set = new Option<string[]>("--set") { Description = "Embedding option NAME=VALUE (repeatable): Margin, LearningRate, Negatives, BatchSize, Loss, Norm, Sampling, AdversarialTemperature" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var save = new Option<string?>("--save") { Description = "Write the fitted embedding to PATH (model file format, kind kg-embedding)" };
        var command = new Command("embed", "Fit TransE, TransR or RotatE on a graph and measure filtered link prediction (MRR, Hits@1/10) on held-out triples");
        foreach (var option in new Option[] { kg, method, dimension, epochs, testShare, validationShare, seed, threads, set, json, save })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            var options = Options(result.GetValue(method)!, result.GetValue(dimension), result.GetValue(epochs), result.GetValue(seed), result.GetValue(set) ?? []);
            int threadCount = Math.Max(1, result.GetValue(threads));
            string name = result.GetValue(kg)!;
            var graph = Output.Run($"loading {name}", () => KnowledgeSource.Load(name, new KnowledgeLoadOptions()));
            var split = LinkPredictionSplit.Create(graph, result.GetValue(testShare), result.GetValue(validationShare), result.GetValue(seed));
            Output.Progress($"{graph.Name}: {graph.Entities.Count:N0} entities, {graph.Relations.Count:N0} relations; {split.Train.Count:N0} train / {split.Validation.Count:N0} validation / {split.Test.Count:N0} test triples");

            var clock = Stopwatch.StartNew();
            var progress = new EpochProgress(options.Epochs);
            var embedding = KgEmbedding.Fit(graph, options, new TrainingContext { Threads = threadCount, Progress = progress }, split.Train);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var test = LinkPredictionEvaluator.Evaluate(embedding, graph, split.Test, threadCount);
            var validation = split.Validation.Count > 0 ? LinkPredictionEvaluator.Evaluate(embedding, graph, split.Validation, threadCount) : null;
            double evaluateSeconds = clock.Elapsed.TotalSeconds;
            var baseline = LinkPredictionEvaluator.Evaluate(new RelationPopularity(graph.Entities.Count, graph.Relations.Count, split.Train), graph, split.Test, threadCount);
            if (result.GetValue(save) is { } path)
            {
                string temporary = path + ".tmp";
                using (var file = File.Create(temporary))
                {
                    embedding.Save(file);
                }

                File.Move(temporary, path, overwrite: true);
                Output.Progress($"saved {path}");
            }

            double perEpoch = fitSeconds / options.Epochs;
            if (result.GetValue(json))
            {
                Output.Line(JsonSerializer.Serialize(
                    new
                    {
                        graph = graph.Name,
                        method = options.Method.ToString(),
                        options = JsonDocument.Parse(OptionsBinder.ToJson(options)).RootElement,
                        threads = threadCount,
                        train = split.Train.Count,
                        validationTriples = split.Validation.Count,
                        testTriples = split.Test.Count,
                        test,
                        validation,
                        baseline,
                        fitSeconds,
                        secondsPerEpoch = perEpoch,
                        evaluateSeconds,
                        lastLoss = progress.LastLoss,
                    },
                    Json));
                return 0;
            }

            Output.Line($"{options.Method} on {graph.Name} (d {options.Dimension}, {options.Epochs} epochs, {options.Loss} loss, margin {options.Margin}, {options.Negatives} negatives, seed {options.Seed}, {threadCount} threads)");
            Output.Line($"fit {fitSeconds:F1} s ({perEpoch:F3} s per epoch), evaluate {evaluateSeconds:F1} s; filtered ranks of tails and heads of {split.Test.Count:N0} test triples");
            var rows = new List<IReadOnlyList<string>> { Row(options.Method + " (test)", test) };
            if (validation is not null)
            {
                rows.Add(Row(options.Method + " (validation)", validation));
            }

            rows.Add(Row("relation popularity (test)", baseline));
            Output.Table(["predictor", "MRR", "Hits@1", "Hits@3", "Hits@10", "mean rank"], rows);
            return 0;
        }));
        return command;
    }

    /// <summary>The method's defaults (<see cref="KgEmbeddingOptions.For"/>), then --dimension, --epochs, --seed and each --set, validated.</summary>
    private static KgEmbeddingOptions Options(string method, int? dimension, int? epochs, int seed, string[] set)
    {
        var kind = method.ToUpperInvariant() switch
        {
            "TRANSE" => KgEmbeddingMethod.TransE,
            "TRANSR" => KgEmbeddingMethod.TransR,
            "ROTATE" => KgEmbeddingMethod.RotatE,
            _ => throw new ArgumentException($"--method must be transe, transr or rotate, not '{method}'."),
        };
        var defaults = KgEmbeddingOptions.For(kind);
        var settings = typeof(KgEmbeddingOptions).GetProperties()
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, p => Convert.ToString(p.GetValue(defaults), CultureInfo.InvariantCulture)!, StringComparer.OrdinalIgnoreCase);
        settings["Seed"] = seed.ToString(CultureInfo.InvariantCulture);
        if (dimension is { } d)
        {
            settings["Dimension"] = d.ToString(CultureInfo.InvariantCulture);
        }

        if (epochs is { } e)
        {
            settings["Epochs"] = e.ToString(CultureInfo.InvariantCulture);
        }

        foreach (string pair in set)
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--set expects NAME=VALUE, got '{pair}'.");
            }

            settings[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        return OptionsBinder.Bind<KgEmbeddingOptions>(settings);
    }

    private static string[] Row(string name, LinkPredictionReport r) =>
        [name, Output.Number(r.MeanReciprocalRank), Output.Number(r.HitsAt1), Output.Number(r.HitsAt3), Output.Number(r.HitsAt10), Output.Number(r.MeanRank, 1)];

    /// <summary>Prints each epoch's loss and time on stderr at once and keeps the last loss.</summary>
    private sealed class EpochProgress(int epochs) : IProgress<EpochReport>
    {
        public double LastLoss { get; private set; } = double.NaN;

        public void Report(EpochReport value)
        {
            LastLoss = value.Loss;
            if (value.Epoch == 1 || value.Epoch == epochs || value.Epoch % 10 == 0)
            {
                Output.Progress($"epoch {value.Epoch}/{epochs}: loss {value.Loss:F4}, {value.Elapsed.TotalSeconds:F1} s");
            }
        }
    }
}
