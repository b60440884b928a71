using System.CommandLine;
using KnowRec.Data;
using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;
using KnowRec.Features.Text;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Catalogue;
using KnowRec.Knowledge.Generation;
using KnowRec.Knowledge.Linking;
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
        Description = "Knowledge graph to attach to the items: a folder NAME under $KNOWREC_DATA (e.g. kg-ml100k-freebase, kg-ml1m-satori), a PATH, "
            + "'auto' (built from the dataset's own metadata, item text and tags), or several joined by '+' (e.g. kg-ml1m-satori+auto)",
    };

    public Option<string?> ItemKeysFrom { get; } = new("--item-keys-from")
    {
        Description = "Re-key items by title + year to another catalogue's ids before --kg links them (e.g. ml-1m/pieces-LIN452-ReSN, whose MovieLens ids kb4rec-linkage and kg-ml100k-freebase use)",
    };

    public Option<string?> ItemText { get; } = new("--item-text")
    {
        Description = "Item text (plot, director, writer, actors) to attach by entity linking on title + year: a NAME under $KNOWREC_DATA (e.g. ml-1m-movie-text-melu) or a PATH",
    };

    public Option<string?> TextEncoder { get; } = new("--text-encoder")
    {
        Description = $"Encode each item's text (title, year, genres, people, plot or reviews) and attach it as the 'text' vector source: {string.Join(", ", TextEncoders.Names)}",
    };

    public Option<string?> EmbeddingCache { get; } = new("--embedding-cache")
    {
        Description = "Folder of an on-disk cache of text embeddings keyed by (encoder and its fitted state, SHA-256 of the text); reruns skip the encoder",
    };

    /// <summary>The <c>--knowledge</c> value that extracts rule knowledge in process instead of reading a folder.</summary>
    public const string RulesKnowledge = "rules";

    public Option<string?> KnowledgeFolder { get; } = new("--knowledge")
    {
        Description = "Folder written by `knowrec knowledge generate`, or 'rules' to extract rule knowledge now: the item knowledge, encoded with tfidf-lsa, is attached as the 'knowledge' item vectors",
    };

    public Option<string?> ModelPath { get; } = new("--model-path")
    {
        Description = "Model of --text-encoder onnx: a sentence-transformers ONNX export folder (model.onnx or onnx/model.onnx, vocab.txt, configs), "
            + "or a NAME under $KNOWREC_MODELS or ~/.knowrec/models (e.g. all-MiniLM-L6-v2 after `knowrec models pull all-MiniLM-L6-v2`)",
    };

    public Option<string[]> ItemVectors { get; } = new("--item-vectors")
    {
        Description = "Extra per-item vectors (image, audio, ...) from a .csv, .npy (+ STEM.ids) or .parquet file, named after the file stem (repeatable)",
        AllowMultipleArgumentsPerToken = false,
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
        command.Options.Add(ItemText);
        command.Options.Add(ModelPath);
        command.Options.Add(ItemKeysFrom);
        command.Options.Add(Knowledge);
        command.Options.Add(TextEncoder);
        command.Options.Add(EmbeddingCache);
        command.Options.Add(KnowledgeFolder);
        command.Options.Add(ItemVectors);
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

    /// <summary>Loads and cleans the dataset only: no item text, no knowledge graph.</summary>
    public Dataset LoadPlain(ParseResult result)
    {
        string path = DataLocator.Resolve(result.GetValue(Data)!);
        var options = ToLoadOptions(result);
        var data = Output.Run($"loading {path}", () => DatasetLoader.Load(path, options));
        if (data.Cleaning.Total > 0)
        {
            Output.Progress($"cleaning: {string.Join(", ", data.Cleaning.Counts.Select(c => $"{c.Key} {c.Value}"))}");
        }

        return data;
    }

    /// <summary>Loads the dataset, then attaches <c>--item-text</c>, <c>--kg</c> and the <c>--text-encoder</c> vectors when given.</summary>
    public Dataset Load(ParseResult result)
    {
        var data = LoadWithoutTextVectors(result);
        if (result.GetValue(TextEncoder) is { } encoder)
        {
            data = data.WithItemVectors(EncodeText(result, data, encoder));
        }

        return data;
    }

    /// <summary>Loads the dataset and attaches <c>--item-text</c> and <c>--kg</c>, but does not encode text.</summary>
    public Dataset LoadWithoutTextVectors(ParseResult result)
    {
        var data = LoadPlain(result);
        if (result.GetValue(ItemKeysFrom) is { } keys)
        {
            var reference = Output.Run($"loading {keys} for its item ids", () => DatasetLoader.Load(DataLocator.Resolve(keys), new LoadOptions { Lenient = true }));
            var (rekeyed, links) = Output.Run($"linking items to {keys} by title + year", () => CatalogueKeys.Adopt(data, reference));
            Output.Progress($"item keys: {links.Linked:N0} of {links.Links.Count:N0} titled items take {keys}'s ids ({links.Ambiguous:N0} ambiguous, {links.Unlinked:N0} unlinked keep none)");
            data = rekeyed;
        }

        if (result.GetValue(ItemText) is { } text)
        {
            var rows = ReadItemText(result, text, data);
            var attached = Output.Run($"linking item text {text}", () => ItemTextLinker.Attach(data, rows));
            var links = attached.Links;
            Output.Progress($"item text: {links.Linked:N0} of {links.Links.Count:N0} titled items linked by title + year ({links.Ambiguous:N0} ambiguous, {links.Unlinked:N0} unlinked); text ids agree for {attached.KeysAgree:N0}");
            data = attached.Data;
        }

        if (result.GetValue(Knowledge) is { } kg)
        {
            // Tags are read only for 'auto' graphs, the only ones that use them.
            var catalogue = kg.Split('+').Any(p => p.Trim().Equals(KnowledgeSource.Auto, StringComparison.OrdinalIgnoreCase))
                ? new CatalogueGraphOptions { Tags = ItemTagReader.Read(DataLocator.Resolve(result.GetValue(Data)!)) }
                : null;
            data = Output.Run($"attaching knowledge graph {kg}", () => KnowledgeSource.Attach(data, kg, catalogue, new KnowledgeLoadOptions { Lenient = result.GetValue(Lenient), Report = data.Cleaning }));
            var linked = data.Knowledge!;
            Output.Progress($"knowledge: {linked.Graph.Triples.Count:N0} triples, {linked.LinkedItems:N0} of {data.Items.Count:N0} items linked");
        }

        if (result.GetValue(KnowledgeFolder) is { } folder)
        {
            data = AttachKnowledge(result, data, folder);
        }

        foreach (string path in result.GetValue(ItemVectors) ?? [])
        {
            var import = Output.Run($"reading item vectors {path}", () => Features.Import.ItemVectorReader.Read(path, data, result.GetValue(Lenient), data.Cleaning));
            Output.Progress($"item vectors '{import.Vectors.Name}': {import.Vectors.Dimension} dimensions, {import.Matched:N0} of {data.Items.Count:N0} items ({import.UnknownIds:N0} unknown ids, {import.Skipped:N0} rows skipped)");
            data = data.WithItemVectors(import.Vectors);
        }

        return data;
    }

    /// <summary>Encodes the items' documents with <paramref name="encoder"/> (behind <c>--embedding-cache</c> when given) and reports the rate.</summary>
    public Features.ItemVectors EncodeText(ParseResult result, Dataset data, string encoder)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var source = Output.Run($"encoding item text with {encoder}", () => TextVectors.Encode(data, encoder, new TextEncoderOptions { Settings = result.GetValue(ModelPath) is { } m ? new Dictionary<string, string> { [Features.Text.Onnx.OnnxTextEncoderFactory.ModelPathSetting] = m } : new Dictionary<string, string>() }, result.GetValue(EmbeddingCache)));
        double seconds = watch.Elapsed.TotalSeconds;
        Output.Progress($"text vectors: {source.PresentCount:N0} of {data.Items.Count:N0} items, dimension {source.Dimension}, {seconds:F2} s ({source.PresentCount / Math.Max(seconds, 1e-9):N0} items/s, fit included)");
        return source;
    }

    /// <summary>
    /// Encodes a knowledge folder's item records into the <c>knowledge</c> item vectors with <c>tfidf-lsa</c> fitted on
    /// the records' own sentences, so the vectors depend on nothing but the records (and the fixed seed).
    /// </summary>
    /// <remarks><c>--knowledge rules</c> extracts the rule knowledge in process, as <c>knowledge generate --rules</c> would write it.</remarks>
    private Dataset AttachKnowledge(ParseResult result, Dataset data, string folder)
    {
        var records = folder.Equals(RulesKnowledge, StringComparison.OrdinalIgnoreCase)
            ? Output.Run($"extracting rule knowledge for {data.Items.Count:N0} items", () => RuleKnowledgeExtractor.Items(data, ItemTagReader.Read(DataLocator.Resolve(result.GetValue(Data)!))))
            : Output.Run($"reading knowledge {folder}", () => KnowledgeStore.ReadItems(folder));
        using var encoder = TfidfLsaEncoder.Fit([.. records.Select(r => r.ToText())], new TfidfLsaOptions());
        var vectors = KnowledgeVectors.EncodeItemsAsync(data, records, encoder).GetAwaiter().GetResult();
        Output.Progress($"knowledge vectors: {vectors.PresentCount:N0} of {data.Items.Count:N0} items, {vectors.Dimension} dimensions (tfidf-lsa over the records)");
        return data.WithItemVectors(vectors);
    }

    /// <summary>Reads the rows of an item text source (NAME or PATH), honouring <c>--lenient</c>.</summary>
    public IReadOnlyList<ItemText> ReadItemText(ParseResult result, string text, Dataset data) =>
        Output.Run($"reading item text {text}", () => ItemTextReader.Read(DataLocator.Resolve(text), result.GetValue(Lenient), data.Cleaning));
}
