namespace KnowRec.Knowledge.Loaders;

/// <summary>Reads the MKR / RippleNet / KGCN layout: <c>kg.txt</c> (<c>head \t relation \t tail</c>) and <c>item_index2entity_id.txt</c> (<c>item id \t entity id</c>).</summary>
/// <remarks>
/// Wang et al., MKR (WWW 2019) and RippleNet (CIKM 2018) data releases. Entity ids are local integers, items are keyed
/// by the source catalogue's raw id (MovieLens MovieID, Last.FM artistID). <c>kg_final.txt</c> (the preprocessed
/// variant with integer relations) is read the same way.
/// </remarks>
internal static class MkrKnowledgeReader
{
    public static void Read(string kgFile, string? linkFile, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options)
    {
        if (linkFile is not null)
        {
            // Links first, so item entities take the first indices as in the source (items are entities 0..n-1).
            FieldLines.Read(linkFile, 2, skipHeader: false, options, f =>
            {
                builder.Link(f[0], f[1]);
                return null;
            });
        }

        FieldLines.Read(kgFile, 3, skipHeader: false, options, f =>
        {
            builder.Add(f[0], f[1], f[2]);
            return null;
        });
    }
}
