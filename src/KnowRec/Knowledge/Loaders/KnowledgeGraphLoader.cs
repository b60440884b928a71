namespace KnowRec.Knowledge.Loaders;

/// <summary>Loads a knowledge graph from a folder or file, recognising the layout from the file names.</summary>
/// <remarks>
/// Layouts, checked in this order for a folder:
/// <list type="bullet">
/// <item>RecBole atomic files: one <c>NAME.kg</c>, optionally <c>NAME.link</c> (e.g. <c>kg-ml100k-freebase</c>).</item>
/// <item>MKR / RippleNet: <c>kg.txt</c> or <c>kg_final.txt</c>, optionally <c>item_index2entity_id.txt</c> (e.g. <c>kg-ml1m-satori</c>).</item>
/// <item>Plain: <c>triples.tsv</c> with optional <c>links.tsv</c> and <c>names.tsv</c>; or one <c>.nt</c> file (N-Triples) with optional <c>links.tsv</c>.</item>
/// <item>KB4Rec linkage: <c>ml2fb.txt</c> or another <c>*2fb.txt</c>: item links only (e.g. <c>kb4rec-linkage</c>).</item>
/// </list>
/// A file path picks the layout by its name: <c>.kg</c>, <c>kg.txt</c>/<c>kg_final.txt</c>, <c>*2fb.txt</c>, <c>.nt</c>, else plain triples.
/// </remarks>
public static class KnowledgeGraphLoader
{
    /// <summary>Reads the graph at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="InvalidDataException">The layout is not recognised, or a line is malformed (strict mode), with file and line.</exception>
    public static KnowledgeGraph Load(string path, KnowledgeLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new KnowledgeLoadOptions();
        var builder = new KnowledgeGraphBuilder();
        string name;
        if (Directory.Exists(path))
        {
            name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
            ReadFolder(path, builder, options);
        }
        else if (File.Exists(path))
        {
            name = Path.GetFileNameWithoutExtension(path);
            ReadFile(path, builder, options);
        }
        else
        {
            throw new FileNotFoundException($"No knowledge graph at '{path}'.", path);
        }

        return builder.Build(name);
    }

    private static void ReadFolder(string folder, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options)
    {
        string? Existing(params string[] names) => names.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        var kgFiles = Directory.GetFiles(folder, "*.kg");
        var ntFiles = Directory.GetFiles(folder, "*.nt");
        var linkageFiles = Directory.GetFiles(folder, "*2fb.txt");
        if (kgFiles.Length > 1)
        {
            throw new InvalidDataException($"{folder} holds {kgFiles.Length} .kg files; name the one to load.");
        }

        if (kgFiles.Length == 1)
        {
            string link = Path.ChangeExtension(kgFiles[0], ".link");
            RecBoleKnowledgeReader.Read(kgFiles[0], File.Exists(link) ? link : null, builder, options);
        }
        else if (Existing("kg.txt", "kg_final.txt") is { } kg)
        {
            MkrKnowledgeReader.Read(kg, Existing("item_index2entity_id.txt", "item_index2entity_id_rehashed.txt"), builder, options);
        }
        else if (Existing("triples.tsv") is { } triples)
        {
            TsvKnowledgeReader.Read(triples, Existing("links.tsv"), Existing("names.tsv"), builder, options);
        }
        else if (ntFiles.Length == 1)
        {
            NTriplesReader.Read(ntFiles[0], builder, options);
            TsvKnowledgeReader.ReadLinks(Existing("links.tsv"), builder, options);
        }
        else if (linkageFiles.Length == 1)
        {
            Kb4RecLinkageReader.Read(linkageFiles[0], builder, options);
        }
        else
        {
            throw new InvalidDataException(
                $"{folder} holds no knowledge graph KnowRec recognises: expected NAME.kg (+ NAME.link), kg.txt (+ item_index2entity_id.txt), triples.tsv (+ links.tsv, names.tsv), one .nt file, or a KB4Rec *2fb.txt linkage.");
        }
    }

    private static void ReadFile(string file, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options)
    {
        string name = Path.GetFileName(file);
        string folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        string? Sibling(string sibling) => File.Exists(Path.Combine(folder, sibling)) ? Path.Combine(folder, sibling) : null;
        if (name.EndsWith(".kg", StringComparison.OrdinalIgnoreCase))
        {
            string link = Path.ChangeExtension(file, ".link");
            RecBoleKnowledgeReader.Read(file, File.Exists(link) ? link : null, builder, options);
        }
        else if (name is "kg.txt" or "kg_final.txt")
        {
            MkrKnowledgeReader.Read(file, Sibling("item_index2entity_id.txt"), builder, options);
        }
        else if (name.EndsWith("2fb.txt", StringComparison.OrdinalIgnoreCase))
        {
            Kb4RecLinkageReader.Read(file, builder, options);
        }
        else if (name.EndsWith(".nt", StringComparison.OrdinalIgnoreCase))
        {
            NTriplesReader.Read(file, builder, options);
            TsvKnowledgeReader.ReadLinks(Sibling("links.tsv"), builder, options);
        }
        else
        {
            TsvKnowledgeReader.Read(file, Sibling("links.tsv"), Sibling("names.tsv"), builder, options);
        }
    }
}
