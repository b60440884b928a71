using System.Runtime.InteropServices;
using KnowRec.Data;

namespace KnowRec.Models.Knn;

/// <summary>
/// Shrunk Pearson-baseline correlation (Koren 2010, "Factor in the neighbors", eq. 2; Surprise's <c>pearson_baseline</c>):
/// s_ij = (n_ij − 1)/(n_ij − 1 + λ) · Σ_u e_ui e_uj / √(Σ_u e_ui² · Σ_u e_uj²), sums over the n_ij common raters, e = r − b.
/// </summary>
/// <remarks>
/// Only positive similarities are kept, because the prediction (Surprise's KNNBaseline) only ever uses neighbours with
/// s &gt; 0. Each pair is computed once (j &gt; i) and mirrored, so the matrix is exactly symmetric; cost is half of
/// Σ_y |row y|² multiply-adds, parallel over rows with per-thread dense accumulators, and the result does not depend on
/// the thread count.
/// </remarks>
internal static class PearsonBaselineSimilarity
{
    /// <param name="byX">Entities × co-raters with residual values (items × users for item-based).</param>
    /// <param name="byY">Its transpose.</param>
    /// <param name="shrinkage">λ of the shrinkage factor.</param>
    /// <param name="threads">Most threads to use.</param>
    /// <param name="cancellation">Stops the computation.</param>
    public static SimilarityRows Compute(InteractionMatrix byX, InteractionMatrix byY, float shrinkage, int threads, CancellationToken cancellation)
    {
        int entities = byX.Users;
        var upper = new (int[] Neighbours, float[] Similarities)[entities];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation };
        Parallel.For(0, entities, parallel, () => new Accumulator(entities), (x, _, acc) =>
        {
            upper[x] = UpperRow(x, byX, byY, shrinkage, acc);
            return acc;
        }, static _ => { });
        return Mirror(upper);
    }

    // Similarities of x with every other > x. Sums run over the co-raters in ascending order.
    private static (int[] Neighbours, float[] Similarities) UpperRow(int x, InteractionMatrix byX, InteractionMatrix byY, float shrinkage, Accumulator acc)
    {
        int touched = 0;
        var raters = byX.ItemsOf(x);
        var residuals = byX.ValuesOf(x);
        var sums = acc.Sums;
        for (int k = 0; k < raters.Length; k++)
        {
            double e = residuals[k];
            double ee = e * e;
            var others = byY.ItemsOf(raters[k]);
            var otherResiduals = byY.ValuesOf(raters[k]);

            // Rows are sorted, so the entities after x start right after x's own position.
            int from = others.BinarySearch(x) + 1;
            for (int m = from; m < others.Length; m++)
            {
                ref var s = ref sums[others[m]];
                if (s.Count++ == 0)
                {
                    acc.Touched[touched++] = others[m];
                }

                double f = otherResiduals[m];
                s.Products += e * f;
                s.Squares += ee;
                s.OtherSquares += f * f;
            }
        }

        var kept = acc.Touched.AsSpan(0, touched);
        kept.Sort();
        var neighbours = new List<int>(touched);
        var similarities = new List<float>(touched);
        foreach (int other in kept)
        {
            ref var s = ref sums[other];
            double denominator = Math.Sqrt(s.Squares * s.OtherSquares);
            double support = s.Count - 1 + shrinkage;
            if (denominator > 0 && support > 0)
            {
                double similarity = s.Products / denominator * ((s.Count - 1) / support);
                if (similarity > 0)
                {
                    neighbours.Add(other);
                    similarities.Add((float)similarity);
                }
            }

            s = default;
        }

        return ([.. neighbours], [.. similarities]);
    }

    // Row x of the full matrix is {(i, s_ix) : i < x} from earlier upper rows, then its own upper row; filling in
    // ascending x keeps every row sorted by neighbour.
    private static SimilarityRows Mirror((int[] Neighbours, float[] Similarities)[] upper)
    {
        int entities = upper.Length;
        var starts = new int[entities + 1];
        for (int x = 0; x < entities; x++)
        {
            starts[x + 1] += upper[x].Neighbours.Length;
            foreach (int other in upper[x].Neighbours)
            {
                starts[other + 1]++;
            }
        }

        for (int x = 0; x < entities; x++)
        {
            starts[x + 1] += starts[x];
        }

        var next = starts[..^1];
        var neighbours = new int[starts[entities]];
        var similarities = new float[starts[entities]];
        for (int x = 0; x < entities; x++)
        {
            var (row, values) = upper[x];
            for (int k = 0; k < row.Length; k++)
            {
                int at = next[x]++;
                neighbours[at] = row[k];
                similarities[at] = values[k];
                int mirror = next[row[k]]++;
                neighbours[mirror] = x;
                similarities[mirror] = values[k];
            }
        }

        return new SimilarityRows(starts, neighbours, similarities);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PairSums
    {
        public double Products;
        public double Squares;
        public double OtherSquares;
        public int Count;
    }

    // Dense per-thread sums over one row, one cache line per pair; only touched entries are cleared.
    private sealed class Accumulator(int size)
    {
        public PairSums[] Sums { get; } = new PairSums[size];

        public int[] Touched { get; } = new int[size];
    }
}
