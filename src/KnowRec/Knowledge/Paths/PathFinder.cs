using KnowRec.Data;

namespace KnowRec.Knowledge.Paths;

/// <summary>
/// Finds the best knowledge paths user → history item → (relation → entity)* → relation → recommended item, for any
/// model's recommendation, over the graph attached to a dataset.
/// </summary>
/// <remarks>
/// <para>
/// A path p scores s(p) = Π_j γ(r_j, e_j), the product of one factor per edge, as path probabilities are in PGPR
/// (Xian et al., SIGIR 2019, §3.4) and attention-weighted paths in KGAT's explanations (Wang et al., KDD 2019, §4.5):
/// </para>
/// <list type="bullet">
/// <item>the user → history edge: w(v) = 0.2 + 0.8·(v − min)/(max − min) for an explicit rating v on a known scale
/// (on 1–5 stars, v/5: a loved item is a strong reason, a disliked one a weak one), 1 for implicit feedback;</item>
/// <item>each hop into an intermediate entity e by relation r: ρ(r)·idf(e), where idf(e) = ln(N/n_e)/ln N is the
/// entity's specificity (Spärck Jones 1972): N linked items, n_e of them next to e. A director shared by two films
/// says far more than "Drama" shared by a thousand; an entity next to every item scores 0;</item>
/// <item>the last hop into the recommended item by relation r: ρ(r).</item>
/// </list>
/// <para>
/// ρ(r) is 1 unless the model implements <see cref="IRelationWeights"/>, whose learned weights (divided by their
/// maximum) are used instead. Paths with score 0 are not reasons and are dropped. Between one history item and one
/// entity only the best relation is kept, so a graph that stores both directions of a fact (Freebase's
/// <c>film.film.directed_by</c> and <c>film.director.film</c>) does not list it twice.
/// </para>
/// <para>
/// Cost: the recommended item's neighbourhood is marked once (two levels with <see cref="PathOptions.MaxKnowledgeHops"/>
/// = 3, hubs above <see cref="PathOptions.HubDegreeLimit"/> edges not expanded), then each history item's own edges are
/// scanned against the marks: O(Σ degree of the history items), independent of how many items a hub touches. Ties
/// break by fewer hops, then lower history item, entity and relation indices, so results are deterministic.
/// Immutable and thread-safe; each thread reuses its own scratch arrays.
/// </para>
/// </remarks>
public sealed partial class PathFinder
{
    private readonly Dataset _data;
    private readonly ItemKnowledge _knowledge;
    private readonly KnowledgeGraph _graph;
    private readonly PathOptions _options;
    private readonly double[] _specificity;
    private readonly double[] _relationFactor;
    private readonly bool[] _identity;
    private readonly bool _hasIdentity;

    /// <summary>Route slot of the target's own entities in the workspace marks.</summary>
    private const int IsTarget = -1;

    /// <summary>Prepares path search over the graph attached to <paramref name="data"/>.</summary>
    /// <param name="data">The dataset whose <see cref="Dataset.Knowledge"/> is searched and whose matrix holds the histories.</param>
    /// <param name="weights">Learned relation weights of the model being explained, or null for ρ(r) = 1.</param>
    /// <param name="options">Search depth and hub limit; defaults when null.</param>
    /// <exception cref="ArgumentException">The dataset has no graph attached, or the weights cover too few relations.</exception>
    public PathFinder(Dataset data, IRelationWeights? weights = null, PathOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _knowledge = data.Knowledge ?? throw new ArgumentException($"Dataset {data.Name} has no knowledge graph attached (use --kg or Dataset.WithKnowledge).", nameof(data));
        _graph = _knowledge.Graph;
        _options = options ?? new PathOptions();
        _options.Validate();
        _identity = [.. _graph.Relations.Ids.Select(r => _options.IdentityRelations.Contains(r, StringComparer.Ordinal))];
        _hasIdentity = _identity.Any(b => b);
        _specificity = Specificities(_knowledge, _identity);
        _relationFactor = RelationFactors(_graph, weights);
    }

    /// <summary>The dataset searched.</summary>
    public Dataset Data => _data;

    /// <summary>idf(e) = ln(N/n_e)/ln N in [0, 1]: how specific an entity is to few items.</summary>
    public double Specificity(int entity) => _specificity[entity];

    /// <summary>ρ(r): the relation's factor, 1 without learned weights, else its weight over the largest one.</summary>
    public double RelationFactor(int relation) => _relationFactor[relation];

    /// <summary>w(v): the factor of a history item the user gave value <paramref name="value"/>.</summary>
    public double HistoryWeight(float value)
    {
        if (_data.Feedback != FeedbackKind.Explicit || _data.RatingScale is not { } scale || !(scale.Max > scale.Min))
        {
            return 1.0;
        }

        double share = Math.Clamp((value - scale.Min) / (double)(scale.Max - scale.Min), 0.0, 1.0);
        return 0.2 + (0.8 * share);
    }

    /// <summary>The best <paramref name="count"/> paths from <paramref name="user"/>'s history (in the dataset) to <paramref name="item"/>.</summary>
    /// <returns>Best first; empty when the item is not linked, the user has no linked history, or nothing connects them.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The user or item index is unknown, or the count is negative.</exception>
    public IReadOnlyList<KnowledgePath> Find(int user, int item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(user, _data.Matrix.Users);
        return Find(_data.Matrix.ItemsOf(user), _data.Matrix.ValuesOf(user), item, count);
    }

    /// <summary>The best <paramref name="count"/> paths from a given history to <paramref name="item"/>.</summary>
    /// <param name="history">Item indices the user interacted with.</param>
    /// <param name="values">The user's value for each history item (ratings or implicit weights), same length.</param>
    /// <param name="item">The recommended item.</param>
    /// <param name="count">How many paths at most.</param>
    /// <exception cref="ArgumentException">The spans differ in length or hold an unknown item.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The item index is unknown or the count is negative.</exception>
    public IReadOnlyList<KnowledgePath> Find(ReadOnlySpan<int> history, ReadOnlySpan<float> values, int item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, _knowledge.Items);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (history.Length != values.Length)
        {
            throw new ArgumentException($"History has {history.Length} items but {values.Length} values.", nameof(values));
        }

        int target = _knowledge.EntityOf(item);
        return count == 0 || target < 0 || history.IsEmpty ? [] : Search(history, values, item, target, count);
    }

    private static double[] Specificities(ItemKnowledge knowledge, bool[] identity)
    {
        var graph = knowledge.Graph;
        int entities = graph.Entities.Count;

        // Which item each entity stands for, through its link or through an identity edge from a linked entity.
        var itemOf = new int[entities];
        Array.Fill(itemOf, -1);
        for (int item = 0; item < knowledge.Items; item++)
        {
            if (knowledge.EntityOf(item) is >= 0 and int e && itemOf[e] < 0)
            {
                itemOf[e] = item;
            }
        }

        int linked = itemOf.Count(i => i >= 0);
        foreach (var t in graph.Triples)
        {
            if (identity[t.Relation])
            {
                (int from, int to) = itemOf[t.Head] >= 0 ? (t.Head, t.Tail) : (t.Tail, t.Head);
                if (itemOf[from] >= 0 && itemOf[to] < 0)
                {
                    itemOf[to] = itemOf[from];
                }
            }
        }

        var result = new double[entities];
        var stamp = new int[knowledge.Items];
        double logN = Math.Log(linked);
        for (int e = 0; e < entities; e++)
        {
            // Distinct items only: Freebase stores many facts in both directions, merged graphs hold an item twice.
            int items = CountItems(graph.Outgoing, e, itemOf, identity, stamp) + CountItems(graph.Incoming, e, itemOf, identity, stamp);
            result[e] = linked < 2 ? 1.0 : Math.Clamp(Math.Log(linked / (double)Math.Max(items, 1)) / logN, 0.0, 1.0);
        }

        return result;
    }

    private static int CountItems(GraphEdges edges, int entity, int[] itemOf, bool[] identity, int[] stamp)
    {
        var relations = edges.RelationsOf(entity);
        var neighbours = edges.NeighboursOf(entity);
        int count = 0;
        for (int k = 0; k < neighbours.Length; k++)
        {
            int item = itemOf[neighbours[k]];
            if (item >= 0 && !identity[relations[k]] && stamp[item] != entity + 1)
            {
                stamp[item] = entity + 1;
                count++;
            }
        }

        return count;
    }

    private static double[] RelationFactors(KnowledgeGraph graph, IRelationWeights? weights)
    {
        int relations = graph.Relations.Count;
        var result = new double[relations];
        if (weights is null)
        {
            Array.Fill(result, 1.0);
            return result;
        }

        var learned = weights.RelationWeights;
        if (learned.Count < relations)
        {
            throw new ArgumentException($"The model gives {learned.Count} relation weights but graph {graph.Name} has {relations} relations.", nameof(weights));
        }

        for (int r = 0; r < relations; r++)
        {
            result[r] = float.IsFinite(learned[r]) && learned[r] > 0 ? learned[r] : 0.0;
        }

        double max = result.DefaultIfEmpty(0.0).Max();
        for (int r = 0; r < relations; r++)
        {
            result[r] = max > 0 ? result[r] / max : 1.0;
        }

        return result;
    }
}
