namespace KnowRec.Knowledge.Loaders;

/// <summary>Reads a KB4Rec linkage file (<c>ml2fb.txt</c>: <c>MovieLens movieId \t Freebase MID</c>): item links without triples.</summary>
/// <remarks>
/// Zhao et al., "KB4Rec: A Data Set for Linking Knowledge Bases with Recommender Systems", Data Intelligence 2019.
/// The linkage alone is a graph of isolated item entities; its use is as ground truth (two catalogues linked to the
/// same MID are the same item) and as the bridge to Freebase triples loaded from elsewhere.
/// </remarks>
internal static class Kb4RecLinkageReader
{
    public static void Read(string file, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options) =>
        FieldLines.Read(file, 2, skipHeader: false, options, f =>
        {
            builder.Link(f[0], f[1]);
            return null;
        });
}
