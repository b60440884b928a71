using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Knowledge.Embeddings;
using KnowRec.Training;

namespace KnowRec.Models.Hybrid;

/// <summary>Resolves a <c>Sources</c> option to the item vector sources a dataset has, building <c>genres</c> and <c>kg</c> when asked for.</summary>
internal static class HybridSources
{
    public const string Genres = "genres";

    /// <summary>The sources named by <paramref name="names"/> (<c>all</c>, <c>none</c> or a comma-separated list), each scaled to a mean row norm of 1.</summary>
    /// <exception cref="ArgumentException">A named source is not on the dataset and cannot be built.</exception>
    public static IReadOnlyList<ItemVectors> Resolve(Dataset data, string names, int kgDimension, int kgEpochs, int seed, TrainingContext context)
    {
        string text = names.Trim();
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        bool all = text.Equals("all", StringComparison.OrdinalIgnoreCase);
        var wanted = all
            ? [.. data.ItemVectors.Select(v => v.Name), Genres, KgItemVectors.Name]
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var sources = new List<ItemVectors>();
        foreach (string name in wanted.Distinct(StringComparer.Ordinal))
        {
            var source = data.ItemVectorsNamed(name) ?? Build(data, name, kgDimension, kgEpochs, seed, context);
            if (source is not null && source.PresentCount > 0)
            {
                sources.Add(Normalise(source));
            }
            else if (!all)
            {
                throw new ArgumentException($"Item vector source '{name}' is not available: the dataset has [{string.Join(", ", data.ItemVectors.Select(v => v.Name))}]; 'genres' needs item genres and 'kg' a knowledge graph (--kg).", nameof(names));
            }
        }

        return sources;
    }

    private static ItemVectors? Build(Dataset data, string name, int kgDimension, int kgEpochs, int seed, TrainingContext context)
    {
        if (name == Genres && CatalogueFeatures.ItemGenres(data) is { } genres)
        {
            var present = Enumerable.Range(0, genres.Rows).Select(i => genres.Row(i).ContainsAnyExcept(0f)).ToArray();
            return new ItemVectors(Genres, genres, present);
        }

        if (name == KgItemVectors.Name && data.Knowledge is not null)
        {
            var options = new KgEmbeddingOptions { Dimension = kgDimension, Epochs = kgEpochs, Seed = seed };
            return KgItemVectors.Train(data, options, Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount)), context.Cancellation);
        }

        return null;
    }

    // Sources come in very different scales (unit-length genre rows, TransE vectors, raw image features): scaling each
    // to a mean row norm of 1 over its present rows keeps one from swamping the projections at the start of training.
    internal static ItemVectors Normalise(ItemVectors source)
    {
        double total = 0;
        for (int i = 0; i < source.Vectors.Rows; i++)
        {
            total += source.IsPresent(i) ? System.Numerics.Tensors.TensorPrimitives.Norm(source.Row(i)) : 0;
        }

        float scale = total > 0 ? (float)(source.PresentCount / total) : 1f;
        var values = source.Vectors.Values.ToArray();
        System.Numerics.Tensors.TensorPrimitives.Multiply(values, scale, values);
        var present = Enumerable.Range(0, source.Vectors.Rows).Select(source.IsPresent).ToArray();
        return new ItemVectors(source.Name, new FeatureMatrix(source.Vectors.Rows, source.Dimension, values), present);
    }
}
