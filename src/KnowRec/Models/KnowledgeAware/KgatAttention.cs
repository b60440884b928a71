using System.Numerics.Tensors;
using KnowRec.Knowledge;
using KnowRec.Numerics;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>
/// Knowledge-aware attention of KGAT (Wang et al. 2019, eqs. 4–5): π(h, r, t) = (W_r e_t)ᵀ tanh(W_r e_h + e_r),
/// softmax-normalised over the edges of each head, and the propagation matrix A[h, t] = Σ_r π(h, r, t) it gives.
/// </summary>
/// <remarks>
/// As the reference code, attention is recomputed from the layer-0 embeddings once per epoch and held fixed while the
/// CF phase trains: no gradient flows through it, TransR alone trains W_r and e_r. The projections W_r e are computed
/// once per (relation, node) by one product per relation over the nodes that relation touches, not once per edge.
/// Edge scores and the softmax are per edge and per head, so results do not depend on the thread count.
/// </remarks>
internal sealed class KgatAttention
{
    private readonly CollaborativeGraph _graph;
    private readonly int[][] _nodesOfRelation;
    private readonly int[][] _edgesOfRelation;
    private readonly int[] _headSlot;
    private readonly int[] _tailSlot;
    private readonly int[] _entryStarts;
    private readonly int[] _entryColumns;
    private readonly int[] _entryOfEdge;
    private readonly float[] _attention;

    public KgatAttention(CollaborativeGraph graph)
    {
        _graph = graph;
        int edges = graph.Edges, relations = graph.Relations;
        var starts = graph.EdgeStarts;
        var tails = graph.EdgeTails;
        var edgeRelations = graph.EdgeRelations;

        // Merge the edges of one (head, tail) pair into one matrix entry: rows are sorted by tail, so they are adjacent.
        _entryOfEdge = new int[edges];
        _entryStarts = new int[graph.Nodes + 1];
        var columns = new List<int>(edges);
        for (int h = 0; h < graph.Nodes; h++)
        {
            for (int e = starts[h]; e < starts[h + 1]; e++)
            {
                if (e == starts[h] || tails[e] != tails[e - 1])
                {
                    columns.Add(tails[e]);
                }

                _entryOfEdge[e] = columns.Count - 1;
            }

            _entryStarts[h + 1] = columns.Count;
        }

        _entryColumns = [.. columns];

        // Each relation's edges and the distinct nodes at either end, with each edge's slots among those nodes.
        var edgeLists = new List<int>[relations];
        var slotOf = new Dictionary<int, int>[relations];
        var nodeLists = new List<int>[relations];
        for (int r = 0; r < relations; r++)
        {
            (edgeLists[r], slotOf[r], nodeLists[r]) = ([], [], []);
        }

        _headSlot = new int[edges];
        _tailSlot = new int[edges];
        for (int h = 0; h < graph.Nodes; h++)
        {
            for (int e = starts[h]; e < starts[h + 1]; e++)
            {
                int r = edgeRelations[e];
                edgeLists[r].Add(e);
                _headSlot[e] = Slot(slotOf[r], nodeLists[r], h);
                _tailSlot[e] = Slot(slotOf[r], nodeLists[r], tails[e]);
            }
        }

        _edgesOfRelation = [.. edgeLists.Select(l => l.ToArray())];
        _nodesOfRelation = [.. nodeLists.Select(l => l.ToArray())];
        _attention = new float[edges];
        for (int h = 0; h < graph.Nodes; h++)
        {
            int degree = starts[h + 1] - starts[h];
            _attention.AsSpan(starts[h], degree).Fill(1f / degree);
        }
    }

    /// <summary>π(h, r, t) of every edge of the graph, in edge order; uniform 1/|N_h| before the first <see cref="Update"/>.</summary>
    public ReadOnlySpan<float> Attention => _attention;

    /// <summary>The propagation matrix of the current attention.</summary>
    public SparseMatrix Adjacency()
    {
        var values = new float[_entryColumns.Length];
        for (int e = 0; e < _attention.Length; e++)
        {
            values[_entryOfEdge[e]] += _attention[e];
        }

        return SparseMatrix.FromCsr(_graph.Nodes, _graph.Nodes, _entryStarts, _entryColumns, values);
    }

    /// <summary>Recomputes π from the node embeddings (nodes × d), relation embeddings (R × k) and relation matrices (R × d × k).</summary>
    public void Update(float[] embeddings, int d, float[] relationEmbeddings, float[] relationMatrices, int k, int threads)
    {
        var scores = new float[_attention.Length];
        for (int r = 0; r < _nodesOfRelation.Length; r++)
        {
            int[] nodes = _nodesOfRelation[r];
            if (nodes.Length == 0)
            {
                continue;
            }

            var rows = new float[nodes.Length * d];
            for (int n = 0; n < nodes.Length; n++)
            {
                embeddings.AsSpan(nodes[n] * d, d).CopyTo(rows.AsSpan(n * d));
            }

            var projected = new float[nodes.Length * k];
            Gemm.Multiply(MatrixOp.None, MatrixOp.None, nodes.Length, k, d, 1f, rows, d, relationMatrices.AsSpan(r * d * k, d * k), k, 0f, projected, k, threads);
            var relation = relationEmbeddings.AsSpan(r * k, k).ToArray();
            int[] edges = _edgesOfRelation[r];
            Parallel.For(0, (edges.Length + 4095) / 4096, new ParallelOptions { MaxDegreeOfParallelism = threads }, block =>
            {
                Span<float> hidden = stackalloc float[k];
                for (int x = block * 4096; x < Math.Min(edges.Length, (block + 1) * 4096); x++)
                {
                    int e = edges[x];
                    TensorPrimitives.Add(projected.AsSpan(_headSlot[e] * k, k), relation, hidden);
                    TensorPrimitives.Tanh(hidden, hidden);
                    scores[e] = TensorPrimitives.Dot(projected.AsSpan(_tailSlot[e] * k, k), hidden);
                }
            });
        }

        Softmax(scores);
    }

    /// <summary>
    /// The attention each knowledge relation receives, relative to an even split: the mean over its edges, both
    /// directions, of π(h, r, t)·|N_h| (1 = as much as a uniform average would give; 0 for a relation without edges).
    /// </summary>
    public float[] RelationWeights()
    {
        int relations = _graph.KnowledgeRelations;
        var sums = new double[relations];
        var counts = new int[relations];
        var starts = _graph.EdgeStarts;
        var edgeRelations = _graph.EdgeRelations;
        for (int h = 0; h < _graph.Nodes; h++)
        {
            int degree = starts[h + 1] - starts[h];
            for (int e = starts[h]; e < starts[h + 1]; e++)
            {
                int r = edgeRelations[e];
                if (r < 2 * relations)
                {
                    sums[r % relations] += _attention[e] * (double)degree;
                    counts[r % relations]++;
                }
            }
        }

        return [.. sums.Select((s, r) => counts[r] == 0 ? 0f : (float)(s / counts[r]))];
    }

    private static int Slot(Dictionary<int, int> slotOf, List<int> nodes, int node)
    {
        if (!slotOf.TryGetValue(node, out int slot))
        {
            slot = nodes.Count;
            slotOf[node] = slot;
            nodes.Add(node);
        }

        return slot;
    }

    // π(h, ·) = softmax over the head's edges (eq. 5), with the maximum subtracted so exp cannot overflow.
    private void Softmax(float[] scores)
    {
        var starts = _graph.EdgeStarts;
        for (int h = 0; h < _graph.Nodes; h++)
        {
            int s = starts[h], e = starts[h + 1];
            if (s == e)
            {
                continue;
            }

            float max = float.NegativeInfinity;
            for (int x = s; x < e; x++)
            {
                max = Math.Max(max, scores[x]);
            }

            double total = 0;
            for (int x = s; x < e; x++)
            {
                total += Math.Exp(scores[x] - max);
            }

            for (int x = s; x < e; x++)
            {
                _attention[x] = (float)(Math.Exp(scores[x] - max) / total);
            }
        }
    }
}
