using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KnowRec.Features;
using KnowRec.Features.Text;
using Microsoft.Extensions.AI;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec text encode</c>: encode every item's text and write one CSV row per item; prints the rate.</summary>
internal static class TextEncodeCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var output = new Option<string>("--out", "-o") { Description = "CSV file to write: item id, then one column per dimension (items without text are left out)", Required = true };
        var dimension = new Option<int?>("--dimension") { Description = "Embedding length where the encoder lets it be chosen (tfidf-lsa: default 128)" };
        var threads = new Option<int>("--threads") { Description = "Most threads (0: all cores)" };
        var command = new Command("encode", "Encode each item's text (title, genres, people, plot or reviews) with a text encoder and write the vectors as CSV");
        data.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(dimension);
        command.Options.Add(threads);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            string name = result.GetValue(data.TextEncoder) ?? TfidfLsaEncoder.Name;
            var dataset = data.LoadWithoutTextVectors(result);
            var documents = ItemDocuments.Of(dataset);
            string[] corpus = [.. Enumerable.Range(0, documents.Count).Where(documents.HasText).Select(i => documents.Texts[i])];
            if (corpus.Length == 0)
            {
                throw new ArgumentException($"No item of '{dataset.Name}' has text; attach some with --item-text.");
            }

            var options = new TextEncoderOptions { Dimension = result.GetValue(dimension), Threads = result.GetValue(threads) };
            var watch = Stopwatch.StartNew();
            using var encoder = Output.Run($"fitting {name} on {corpus.Length:N0} documents", () => TextEncoders.Create(name, options, corpus));
            double fit = watch.Elapsed.TotalSeconds;
            string? cache = result.GetValue(data.EmbeddingCache);
            using var cached = cache is null ? null : new DiskCachedEmbeddingGenerator(encoder, cache);
            var generator = (IEmbeddingGenerator<string, Embedding<float>>?)cached ?? encoder;
            watch.Restart();
            var vectors = Output.Run($"encoding {corpus.Length:N0} documents", () => TextVectors.EncodeAsync(documents, generator).GetAwaiter().GetResult());
            double encode = watch.Elapsed.TotalSeconds;
            Write(result.GetValue(output)!, dataset.Items, vectors);
            string features = encoder is TfidfLsaEncoder lsa ? $", {lsa.Features:N0} TF-IDF features" : string.Empty;
            Output.Line($"{name}: {vectors.PresentCount:N0} of {dataset.Items.Count:N0} items encoded, dimension {vectors.Dimension}{features}");
            Output.Line($"fit {fit:F3} s, encode {encode:F3} s: {vectors.PresentCount / Math.Max(fit + encode, 1e-9):N0} items/s fit + encode, {vectors.PresentCount / Math.Max(encode, 1e-9):N0} items/s encode only");
            if (cached is not null)
            {
                Output.Line($"cache {cached.Directory}: {cached.Hits:N0} hits, {cached.Misses:N0} misses, {cached.CorruptFilesIgnored} damaged files ignored");
            }

            return 0;
        }));
        return command;
    }

    private static void Write(string path, Data.IdMap items, ItemVectors vectors)
    {
        string temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary))
        {
            writer.WriteLine("item," + string.Join(",", Enumerable.Range(0, vectors.Dimension).Select(c => $"d{c}")));
            for (int i = 0; i < items.Count; i++)
            {
                if (vectors.IsPresent(i))
                {
                    string id = items[i].Contains(',', StringComparison.Ordinal) || items[i].Contains('"', StringComparison.Ordinal) ? $"\"{items[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : items[i];
                    writer.WriteLine(id + "," + string.Join(",", vectors.Row(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
