using KnowRec.Numerics;

namespace KnowRec.Knowledge.Embeddings;

/// <summary>A seeded partition of a graph's triples into training, validation and test triples for link prediction.</summary>
/// <remarks>
/// Triples are visited in a seeded random order and held out only while their head, tail and relation keep at least
/// one training triple: an entity never seen in training has no learned embedding, and ranking it would measure the
/// initialisation (the reason FB15k's test set contains only entities of its training set, Bordes et al. 2013, §4.1).
/// So fewer triples than asked may be held out on a sparse graph; <see cref="Test"/>.Count says how many were.
/// </remarks>
public sealed class LinkPredictionSplit
{
    private LinkPredictionSplit(Triple[] train, Triple[] validation, Triple[] test)
    {
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>Triples to fit on, in the graph's order.</summary>
    public IReadOnlyList<Triple> Train { get; }

    /// <summary>Held-out triples for choosing options.</summary>
    public IReadOnlyList<Triple> Validation { get; }

    /// <summary>Held-out triples for the reported figures.</summary>
    public IReadOnlyList<Triple> Test { get; }

    /// <summary>Holds out <paramref name="testShare"/> and <paramref name="validationShare"/> of the triples of <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="testShare">Share of all triples for <see cref="Test"/>, in [0, 1).</param>
    /// <param name="validationShare">Share of all triples for <see cref="Validation"/>, in [0, 1); the two together below 1.</param>
    /// <param name="seed">Seed of the order in which triples are considered.</param>
    public static LinkPredictionSplit Create(KnowledgeGraph graph, double testShare, double validationShare = 0, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!(testShare >= 0 && testShare < 1) || !(validationShare >= 0 && validationShare < 1) || testShare + validationShare >= 1)
        {
            throw new ArgumentException($"The test share ({testShare}) and validation share ({validationShare}) must each lie in [0, 1) and sum below 1.", nameof(testShare));
        }

        var triples = graph.Triples;
        int total = triples.Count;
        int wantTest = (int)Math.Round(total * testShare), wantValidation = (int)Math.Round(total * validationShare);
        var degree = new int[graph.Entities.Count];
        var perRelation = new int[graph.Relations.Count];
        foreach (var t in triples)
        {
            degree[t.Head]++;
            degree[t.Tail]++;
            perRelation[t.Relation]++;
        }

        var order = Enumerable.Range(0, total).ToArray();
        var random = new SplitMix64(SplitMix64.Derive(seed, 0x6B67));
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        // 0 = train, 1 = test, 2 = validation; test is filled first so a seed gives the same test set whatever the validation share.
        var part = new byte[total];
        int test = 0, validation = 0;
        foreach (int index in order)
        {
            if (test == wantTest && validation == wantValidation)
            {
                break;
            }

            var t = triples[index];
            bool selfLoop = t.Head == t.Tail;
            if (degree[t.Head] < 2 || degree[t.Tail] < (selfLoop ? 3 : 2) || perRelation[t.Relation] < 2)
            {
                continue;
            }

            degree[t.Head]--;
            degree[t.Tail]--;
            perRelation[t.Relation]--;
            if (test < wantTest)
            {
                part[index] = 1;
                test++;
            }
            else
            {
                part[index] = 2;
                validation++;
            }
        }

        Triple[] Of(byte which) => [.. Enumerable.Range(0, total).Where(i => part[i] == which).Select(i => triples[i])];
        return new LinkPredictionSplit(Of(0), Of(2), Of(1));
    }
}
