namespace KnowRec.Knowledge.Loaders;

/// <summary>Reads RecBole's atomic knowledge files: <c>NAME.kg</c> (<c>head_id:token, relation_id:token, tail_id:token</c>) and <c>NAME.link</c> (<c>item_id:token, entity_id:token</c>).</summary>
/// <remarks>Format: RecBole documentation, "Atomic Files" (Zhao et al. 2021). Both files start with a typed header line.</remarks>
internal static class RecBoleKnowledgeReader
{
    public static void Read(string kgFile, string? linkFile, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options)
    {
        FieldLines.Read(kgFile, 3, skipHeader: true, options, f =>
        {
            builder.Add(f[0], f[1], f[2]);
            return null;
        });
        if (linkFile is not null)
        {
            FieldLines.Read(linkFile, 2, skipHeader: true, options, f =>
            {
                builder.Link(f[0], f[1]);
                return null;
            });
        }
    }
}
