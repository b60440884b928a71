namespace KnowRec.Knowledge.Embeddings;

/// <summary>Filtered link prediction (Bordes et al. 2013, §4.2 "Filt."): each held-out triple's tail and head ranked against every entity.</summary>
/// <remarks>
/// For the query (h, r, ?) the true tail t is ranked among all entities by <see cref="ILinkPredictor.ScoreCandidates"/>,
/// after removing every other entity e for which (h, r, e) is a known triple of the graph — training and held-out alike
/// — since ranking a true fact above t is no error; likewise for (?, r, t). Queries are grouped by relation and cut
/// into fixed chunks that run on up to the given threads; each writes only its own ranks, so results do not depend on
/// the thread count.
/// </remarks>
public static class LinkPredictionEvaluator
{
    // Queries scored per call: enough to amortise TransR's per-relation projection, small enough to keep scores in cache-sized rows.
    private const int Chunk = 64;

    /// <summary>Ranks the tail and the head of each of <paramref name="triples"/>.</summary>
    /// <param name="predictor">Scores candidates.</param>
    /// <param name="graph">All known triples (for the filter); entity indices must match the predictor's.</param>
    /// <param name="triples">Held-out triples to rank.</param>
    /// <param name="threads">Most threads to use.</param>
    public static LinkPredictionReport Evaluate(ILinkPredictor predictor, KnowledgeGraph graph, IReadOnlyList<Triple> triples, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(triples);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (predictor.Entities != graph.Entities.Count)
        {
            throw new ArgumentException($"The predictor scores {predictor.Entities} entities but the graph has {graph.Entities.Count}.", nameof(graph));
        }

        // Work units: (relation, side, first query, count) over the queries sorted by relation.
        var byRelation = Enumerable.Range(0, triples.Count).OrderBy(i => triples[i].Relation).ThenBy(i => i).ToArray();
        var units = new List<(bool Tails, int Start, int Count)>();
        foreach (bool tails in new[] { true, false })
        {
            for (int start = 0; start < byRelation.Length;)
            {
                int relation = triples[byRelation[start]].Relation, end = start;
                while (end < byRelation.Length && end - start < Chunk && triples[byRelation[end]].Relation == relation)
                {
                    end++;
                }

                units.Add((tails, start, end - start));
                start = end;
            }
        }

        // ranks[2q] for the tail of triple q, ranks[2q + 1] for its head: (expected rank, expected 1/rank, P(rank ≤ 1, 3, 10)).
        var results = new double[triples.Count * 2, 5];
        Parallel.For(0, units.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, u =>
        {
            var (tails, start, count) = units[u];
            int n = predictor.Entities, relation = triples[byRelation[start]].Relation;
            var anchors = new int[count];
            for (int q = 0; q < count; q++)
            {
                var t = triples[byRelation[start + q]];
                anchors[q] = tails ? t.Head : t.Tail;
            }

            var scores = new float[count * n];
            predictor.ScoreCandidates(relation, anchors, tails, scores);
            for (int q = 0; q < count; q++)
            {
                int index = byRelation[start + q];
                var t = triples[index];
                var row = scores.AsSpan(q * n, n);
                int target = tails ? t.Tail : t.Head;
                var edges = tails ? graph.Outgoing : graph.Incoming;
                var (better, ties) = Count(row, target, relation, edges.RelationsOf(anchors[q]), edges.NeighboursOf(anchors[q]));
                int slot = (2 * index) + (tails ? 0 : 1);
                results[slot, 0] = 1 + better + (ties / 2.0);
                results[slot, 1] = (Harmonic(better + ties + 1) - Harmonic(better)) / (ties + 1);
                results[slot, 2] = Hits(1, better, ties);
                results[slot, 3] = Hits(3, better, ties);
                results[slot, 4] = Hits(10, better, ties);
            }
        });

        int queries = triples.Count * 2;
        double Mean(int column)
        {
            double sum = 0;
            for (int i = 0; i < queries; i++)
            {
                sum += results[i, column];
            }

            return queries == 0 ? 0 : sum / queries;
        }

        return new LinkPredictionReport(queries, Mean(1), Mean(2), Mean(3), Mean(4), Mean(0));
    }

    // Candidates scoring above and equal to the target, leaving out the target and every known answer of the query
    // (the anchor's edges of this relation, sorted by relation then neighbour). NaN scores count as worse.
    private static (int Better, int Ties) Count(ReadOnlySpan<float> scores, int target, int relation, ReadOnlySpan<int> edgeRelations, ReadOnlySpan<int> neighbours)
    {
        float mine = scores[target];
        int better = 0, ties = 0;
        for (int e = 0; e < scores.Length; e++)
        {
            float s = scores[e];
            if (s > mine)
            {
                better++;
            }
            else if (s == mine)
            {
                ties++;
            }
        }

        ties--; // the target itself
        int first = edgeRelations.IndexOf(relation);
        for (int k = first; k >= 0 && k < edgeRelations.Length && edgeRelations[k] == relation; k++)
        {
            int e = neighbours[k];
            if (e == target)
            {
                continue;
            }

            if (scores[e] > mine)
            {
                better--;
            }
            else if (scores[e] == mine)
            {
                ties--;
            }
        }

        return (better, ties);
    }

    // P(rank ≤ k) when the target lands uniformly among its ties: rank = better + 1 + U, U uniform on {0, …, ties}.
    private static double Hits(int k, int better, int ties) => Math.Clamp((k - better) / (double)(ties + 1), 0, 1);

    // H(m) = Σ_{i=1..m} 1/i: exact for small m, else the asymptotic series (error below 1e-12 from m = 64).
    private static double Harmonic(int m)
    {
        if (m < 64)
        {
            double sum = 0;
            for (int i = 1; i <= m; i++)
            {
                sum += 1.0 / i;
            }

            return sum;
        }

        double x = m, inverse = 1 / (x * x);
        return Math.Log(x) + 0.57721566490153286 + (1 / (2 * x)) - (inverse / 12) + (inverse * inverse / 120);
    }
}
