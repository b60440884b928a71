namespace KnowRec.Knowledge.Loaders;

/// <summary>Reads plain tab-separated triples (<c>head \t relation \t tail</c>), and optional item links and entity names.</summary>
/// <remarks>
/// A first line whose fields are <c>head, relation, tail</c> (any case) is a header. Links are <c>item \t entity</c>,
/// names are <c>entity \t name</c>; both files are optional.
/// </remarks>
internal static class TsvKnowledgeReader
{
    public static void Read(string triples, string? links, string? names, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options)
    {
        bool header = FirstLineIs(triples, "head");
        FieldLines.Read(triples, 3, header, options, f =>
        {
            builder.Add(f[0], f[1], f[2]);
            return null;
        });
        ReadLinks(links, builder, options);
        if (names is not null)
        {
            FieldLines.Read(names, 2, FirstLineIs(names, "entity"), options, f =>
            {
                builder.Entity(f[0], f[1]);
                return null;
            });
        }
    }

    /// <summary>Reads <c>item \t entity</c> links, with an optional <c>item, entity</c> header; nothing when the file is null.</summary>
    public static void ReadLinks(string? links, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options)
    {
        if (links is not null)
        {
            FieldLines.Read(links, 2, FirstLineIs(links, "item"), options, f =>
            {
                builder.Link(f[0], f[1]);
                return null;
            });
        }
    }

    private static bool FirstLineIs(string file, string firstField)
    {
        using var reader = new StreamReader(file);
        string? line = reader.ReadLine();
        return line is not null && line.Split('\t')[0].Trim().Equals(firstField, StringComparison.OrdinalIgnoreCase);
    }
}
