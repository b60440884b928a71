using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Hybrid;

/// <summary>
/// What KAR's adaptor reads: each item's knowledge vector and each user's preference vector (the mean of their
/// training items' knowledge vectors), as constant tables with presence masks, plus the catalogue features.
/// </summary>
internal sealed class KarInputs
{
    private KarInputs(ItemVectors knowledge, Tensor items, bool[] itemPresent, Tensor users, bool[] userPresent, FeatureMatrix? itemFeatures, FeatureMatrix? userFeatures)
    {
        Source = knowledge;
        Items = items;
        ItemPresent = itemPresent;
        Users = users;
        UserPresent = userPresent;
        ItemFeatures = itemFeatures;
        UserFeatures = userFeatures;
    }

    public ItemVectors Source { get; }

    public Tensor Items { get; }

    public bool[] ItemPresent { get; }

    public Tensor Users { get; }

    public bool[] UserPresent { get; }

    public FeatureMatrix? ItemFeatures { get; }

    public FeatureMatrix? UserFeatures { get; }

    public int Dimension => Source.Dimension;

    /// <summary>The inputs for a fit on <paramref name="train"/> whose preferences come from <paramref name="history"/>.</summary>
    /// <exception cref="ArgumentException">The dataset has no knowledge source of that name.</exception>
    public static KarInputs For(Dataset train, InteractionMatrix history, KarOptions options)
    {
        var source = (options.Knowledge.Equals("auto", StringComparison.OrdinalIgnoreCase)
                ? train.ItemVectorsNamed("knowledge") ?? train.ItemVectorsNamed("text")
                : train.ItemVectorsNamed(options.Knowledge))
            ?? throw new ArgumentException($"kar needs item knowledge vectors: a '{(options.Knowledge == "auto" ? "knowledge' or 'text" : options.Knowledge)}' source on the dataset (it has [{string.Join(", ", train.ItemVectors.Select(v => v.Name))}]).", nameof(train));
        source = HybridSources.Normalise(source);
        int users = train.Users.Count, k = source.Dimension;
        var preferences = new float[users * k];
        var userPresent = new bool[users];
        for (int u = 0; u < users; u++)
        {
            HybridModel.ProfileMean(source, history.ItemsOf(u), preferences.AsSpan(u * k, k));
            userPresent[u] = preferences.AsSpan(u * k, k).ContainsAnyExcept(0f);
        }

        var itemPresent = Enumerable.Range(0, source.Vectors.Rows).Select(source.IsPresent).ToArray();
        return new KarInputs(
            source,
            Tensor.FromArray(source.Vectors.Values.ToArray(), [source.Vectors.Rows, k]),
            itemPresent,
            Tensor.FromArray(preferences, [users, k]),
            userPresent,
            options.CatalogueFeatures ? Features.CatalogueFeatures.ItemGenres(train) : null,
            options.CatalogueFeatures ? Features.CatalogueFeatures.UserAttributes(train) : null);
    }

    /// <summary>r̂ for users or f̂ for items (by <paramref name="side"/>) of <paramref name="indices"/>, [rows, q].</summary>
    public Tensor Augment(Tape tape, KnowledgeAdaptor adaptor, int side, int[] indices)
    {
        bool user = side == KnowledgeAdaptor.User;
        var present = user ? UserPresent : ItemPresent;
        return adaptor.Forward(tape, Ops.EmbeddingLookup(tape, user ? Users : Items, indices), side, [.. indices.Select(i => present[i])]);
    }

    /// <summary>The augmented vectors of every row of a side as plain values [count, q], from a throwaway tape.</summary>
    public float[] AugmentAll(KnowledgeAdaptor adaptor, int side, int count, int threads)
    {
        var values = new float[count * adaptor.Output];
        for (int start = 0; start < count; start += 1024)
        {
            int n = Math.Min(1024, count - start);
            var output = Augment(new Tape { Threads = threads }, adaptor, side, [.. Enumerable.Range(start, n)]);
            output.Data.AsSpan(0, n * adaptor.Output).CopyTo(values.AsSpan(start * adaptor.Output));
        }

        return values;
    }
}
