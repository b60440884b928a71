using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge.Loaders;

namespace KnowRec.Knowledge;

/// <summary>Turns what a user types after <c>--kg</c> into a graph: a dataset folder name, a path, or <c>auto</c>.</summary>
public static class KnowledgeSource
{
    /// <summary>Loads the graph named by <paramref name="nameOrPath"/> (looked up like datasets, under <c>$KNOWREC_DATA</c>).</summary>
    /// <exception cref="DirectoryNotFoundException">No folder or file of that name exists.</exception>
    public static KnowledgeGraph Load(string nameOrPath, KnowledgeLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        return KnowledgeGraphLoader.Load(DataLocator.Resolve(nameOrPath), options);
    }

    /// <summary><paramref name="data"/> with the graph named by <paramref name="nameOrPath"/> attached to its items.</summary>
    public static Dataset Attach(Dataset data, string nameOrPath, KnowledgeLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.WithKnowledge(Load(nameOrPath, options));
    }
}
