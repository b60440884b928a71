using KnowRec.Knowledge;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>The parameters and graphs of KGIN and its forward computation (Wang et al. 2021, eqs. 2, 6–9, 13–14).</summary>
internal sealed class KginNetwork
{
    // Standard deviation of the initial user and entity embeddings (as LightGCN and KGAT here).
    private const float InitialScale = 0.1f;

    private readonly RelationalAdjacency _knowledge;
    private readonly SparseMatrix _interactions;

    public KginNetwork(CollaborativeGraph graph, KginOptions options)
    {
        int users = graph.Users, entities = graph.Nodes - users, relations = Math.Max(1, 2 * graph.KnowledgeRelations);
        (_knowledge, _interactions) = Graphs(graph);
        var random = new System.Random(options.Seed);
        Users = Tensor.Normal([users, options.Factors], 0f, InitialScale, random, requiresGrad: true);
        Entities = Tensor.Normal([entities, options.Factors], 0f, InitialScale, random, requiresGrad: true);
        Relations = Init.XavierUniform([relations, options.Factors], random);
        IntentLogits = Init.XavierUniform([options.Intents, relations], random);
    }

    /// <summary>e_u⁽⁰⁾ of every user.</summary>
    public Tensor Users { get; }

    /// <summary>e⁽⁰⁾ of every entity: items first (by node), then the other entities.</summary>
    public Tensor Entities { get; }

    /// <summary>e_r of each knowledge relation and its inverse.</summary>
    public Tensor Relations { get; }

    /// <summary>w_rp: the intents' logits over relations (eq. 2).</summary>
    public Tensor IntentLogits { get; }

    /// <summary>Every trained tensor.</summary>
    public Tensor[] Parameters => [Users, Entities, Relations, IntentLogits];

    /// <summary>e_p = Σ_r α(r, p) e_r with α = softmax_r(w_rp) (eq. 2).</summary>
    public Tensor Intents(Tape tape) => Ops.MatMul(tape, Ops.Softmax(tape, IntentLogits), Relations);

    /// <summary>β(u, p) = softmax_p(e_pᵀ e_u⁽⁰⁾) (eq. 7).</summary>
    public static Tensor IntentAttention(Tape tape, Tensor users, Tensor intents) =>
        Ops.Softmax(tape, Ops.MatMul(tape, users, Ops.Transpose(tape, intents)));

    /// <summary>
    /// e* = Σ_{l=0..L} e⁽ˡ⁾ (eq. 13) for users and entities. Entities: e_h⁽ˡ⁺¹⁾ = 1/|N_h| Σ e_r ⊙ e_t⁽ˡ⁾ over knowledge
    /// edges (eq. 9). Users: with m_u = 1/|N_u| Σ_i e_i⁽ˡ⁾, e_u⁽ˡ⁺¹⁾ = m_u ⊙ Σ_p β(u, p) e_p + m_u (eq. 6, with the
    /// residual term of the reference code). As that code does, each hop's output passes message dropout and is
    /// L2-normalised row by row before it is summed and fed to the next hop.
    /// </summary>
    public (Tensor Users, Tensor Entities, Tensor Intents) Propagate(Tape tape, Tensor users, Tensor entities, int layers, float dropout, int seed, long step)
    {
        var intents = Intents(tape);
        var preference = Ops.MatMul(tape, IntentAttention(tape, users, intents), intents);
        var userSum = users;
        var entitySum = entities;
        var entity = entities;
        for (int l = 0; l < layers; l++)
        {
            var nextEntity = Ops.RelationalAggregate(tape, _knowledge, entity, Relations);
            var mean = Ops.SparseMatMul(tape, _interactions, entity);
            var nextUser = Ops.Add(tape, Ops.Mul(tape, mean, preference), mean);
            nextEntity = Ops.RowNormalize(tape, Ops.Dropout(tape, nextEntity, dropout, dropout > 0f, SplitMix64.Derive(seed, (step * 32) + (2 * l))));
            nextUser = Ops.RowNormalize(tape, Ops.Dropout(tape, nextUser, dropout, dropout > 0f, SplitMix64.Derive(seed, (step * 32) + (2 * l) + 1)));
            entitySum = Ops.Add(tape, entitySum, nextEntity);
            userSum = Ops.Add(tape, userSum, nextUser);
            entity = nextEntity;
        }

        return (userSum, entitySum, intents);
    }

    /// <summary>
    /// The mutual-information independence loss of the intents (eq. 14): Σ_p −log softmax over p′ of cos(e_p, e_p′)/τ at p′ = p.
    /// </summary>
    public static Tensor Independence(Tape tape, Tensor intents, float temperature)
    {
        var unit = Ops.RowNormalize(tape, intents);
        var similarity = Ops.Scale(tape, Ops.MatMul(tape, unit, Ops.Transpose(tape, unit)), 1f / temperature);
        int count = intents.Rows;
        var identity = new float[count * count];
        for (int p = 0; p < count; p++)
        {
            identity[(p * count) + p] = 1f;
        }

        return Ops.Scale(tape, Ops.Sum(tape, Ops.Mul(tape, Ops.LogSoftmax(tape, similarity), Tensor.FromArray(identity, [count, count]))), -1f);
    }

    // The knowledge edges between entities with weights 1/|N_h|, and the user → item mean as a users × entities matrix.
    private static (RelationalAdjacency Knowledge, SparseMatrix Interactions) Graphs(CollaborativeGraph graph)
    {
        int users = graph.Users, entities = graph.Nodes - users, knowledgeRelations = 2 * graph.KnowledgeRelations;
        var starts = graph.EdgeStarts;
        var rowStarts = new int[entities + 1];
        var columns = new List<int>();
        var relations = new List<int>();
        var weights = new List<float>();
        for (int h = users; h < graph.Nodes; h++)
        {
            int first = columns.Count;
            for (int e = starts[h]; e < starts[h + 1]; e++)
            {
                if (graph.EdgeRelations[e] < knowledgeRelations)
                {
                    columns.Add(graph.EdgeTails[e] - users);
                    relations.Add(graph.EdgeRelations[e]);
                }
            }

            weights.AddRange(Enumerable.Repeat(1f / Math.Max(1, columns.Count - first), columns.Count - first));
            rowStarts[h - users + 1] = columns.Count;
        }

        var knowledge = new RelationalAdjacency(entities, entities, Math.Max(1, knowledgeRelations), rowStarts, [.. columns], [.. relations], [.. weights]);
        var userStarts = new int[users + 1];
        var items = new List<int>();
        var values = new List<float>();
        for (int u = 0; u < users; u++)
        {
            int degree = starts[u + 1] - starts[u];
            for (int e = starts[u]; e < starts[u + 1]; e++)
            {
                items.Add(graph.EdgeTails[e] - users);
                values.Add(1f / degree);
            }

            userStarts[u + 1] = items.Count;
        }

        return (knowledge, SparseMatrix.FromCsr(users, entities, userStarts, [.. items], [.. values]));
    }
}
