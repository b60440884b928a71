using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Knowledge.Catalogue;
using KnowRec.Knowledge.Loaders;

namespace KnowRec.Knowledge;

/// <summary>Turns what a user types after <c>--kg</c> into a graph: a dataset folder name, a path, <c>auto</c>, or several joined by <c>+</c>.</summary>
/// <remarks>
/// <c>auto</c> builds the graph from the dataset's own metadata with <see cref="CatalogueGraphBuilder"/>;
/// <c>A+B</c> (e.g. <c>kg-ml1m-satori+auto</c>) loads or builds each part and merges them with
/// <see cref="GraphMerge.Merge"/>: the first part that links an item keeps the link, later parts' entities of that item
/// are joined to it by <c>same as</c>. A name that is itself an existing path or dataset folder is never split on <c>+</c>.
/// </remarks>
public static class KnowledgeSource
{
    /// <summary>The name that builds a graph from the dataset's catalogue.</summary>
    public const string Auto = "auto";

    /// <summary>Loads the graph named by <paramref name="nameOrPath"/> (looked up like datasets, under <c>$KNOWREC_DATA</c>), or merges <c>A+B</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder or file of that name exists.</exception>
    /// <exception cref="ArgumentException"><c>auto</c> was asked for without a dataset to build it from.</exception>
    public static KnowledgeGraph Load(string nameOrPath, KnowledgeLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        return Resolve(null, nameOrPath, null, options);
    }

    /// <summary><paramref name="data"/> with the graph named by <paramref name="nameOrPath"/> attached to its items.</summary>
    public static Dataset Attach(Dataset data, string nameOrPath, KnowledgeLoadOptions? options = null) => Attach(data, nameOrPath, null, options);

    /// <summary>
    /// <paramref name="data"/> with a graph attached: a loaded one, <c>auto</c> (built from <paramref name="data"/>'s
    /// catalogue with <paramref name="catalogue"/>'s tags and filters), or a <c>+</c>-merge of several.
    /// </summary>
    public static Dataset Attach(Dataset data, string nameOrPath, CatalogueGraphOptions? catalogue, KnowledgeLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        return data.WithKnowledge(Resolve(data, nameOrPath, catalogue, options));
    }

    private static KnowledgeGraph Resolve(Dataset? data, string nameOrPath, CatalogueGraphOptions? catalogue, KnowledgeLoadOptions? options)
    {
        string[] parts = nameOrPath.Split('+', StringSplitOptions.TrimEntries);
        if (parts.Length == 1 || Exists(nameOrPath))
        {
            return One(data, nameOrPath.Trim(), catalogue, options);
        }

        if (parts.Any(p => p.Length == 0))
        {
            throw new ArgumentException($"'{nameOrPath}' has an empty part; join graph names with '+', e.g. kg-ml1m-satori+auto.", nameof(nameOrPath));
        }

        return GraphMerge.Merge([.. parts.Select(p => One(data, p, catalogue, options))], nameOrPath);
    }

    private static KnowledgeGraph One(Dataset? data, string name, CatalogueGraphOptions? catalogue, KnowledgeLoadOptions? options)
    {
        if (!name.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            return KnowledgeGraphLoader.Load(DataLocator.Resolve(name), options);
        }

        return data is null
            ? throw new ArgumentException("'auto' builds the graph from a dataset's catalogue: give a dataset (--data).", nameof(data))
            : CatalogueGraphBuilder.Build(data, catalogue);
    }

    private static bool Exists(string nameOrPath)
    {
        try
        {
            DataLocator.Resolve(nameOrPath);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }
}
