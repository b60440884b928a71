namespace KnowRec.Models.Knn;

/// <summary>
/// The k most similar entities of every entity under s_xz = n/(n + λ) · Σ_t x_t z_t / (‖x‖ ‖z‖), the cosine of the
/// transformed vectors shrunk by their n co-occurrences (Koren 2008, §2.2, shrinkage of similarity).
/// </summary>
/// <remarks>
/// One sparse row-times-matrix product per entity with a per-thread dense accumulator (cost Σ_t |column t|² in all),
/// parallel over entities. Only positive similarities are kept (a negative neighbour would push items down in a sum of
/// similarities, and implicit keeps non-negative cosines only); ties at the k-th similarity go to the lower index. Rows
/// are stored sorted by neighbour index. The result does not depend on the thread count.
/// </remarks>
internal static class CosineNeighbours
{
    public static SimilarityRows Compute(WeightedVectors vectors, int k, float shrinkage, int threads, CancellationToken cancellation)
    {
        var rows = vectors.Rows;
        int entities = rows.Users;
        var result = new (int[] Neighbours, float[] Similarities)[entities];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation };
        Parallel.For(0, entities, parallel, () => new Accumulator(entities), (x, _, acc) =>
        {
            result[x] = Row(x, vectors, k, shrinkage, acc);
            return acc;
        }, static _ => { });
        return SimilarityRows.FromRows(result);
    }

    private static (int[] Neighbours, float[] Similarities) Row(int x, WeightedVectors vectors, int k, float shrinkage, Accumulator acc)
    {
        double norm = vectors.Norms[x];
        if (norm == 0)
        {
            return ([], []);
        }

        int touched = 0;
        var terms = vectors.Rows.ItemsOf(x);
        var weights = vectors.Rows.ValuesOf(x);
        for (int t = 0; t < terms.Length; t++)
        {
            double a = weights[t];
            var others = vectors.Columns.ItemsOf(terms[t]);
            var otherWeights = vectors.Columns.ValuesOf(terms[t]);
            for (int m = 0; m < others.Length; m++)
            {
                int z = others[m];
                if (acc.Count[z]++ == 0)
                {
                    acc.Touched[touched++] = z;
                }

                acc.Dot[z] += a * otherWeights[m];
            }
        }

        var candidates = acc.Touched.AsSpan(0, touched);
        candidates.Sort();
        int kept = 0;
        foreach (int z in candidates)
        {
            double denominator = norm * vectors.Norms[z];
            double similarity = z == x || denominator == 0 ? 0 : acc.Dot[z] / denominator * Shrink(acc.Count[z], shrinkage);
            if (similarity > 0)
            {
                acc.Kept[kept] = z;
                acc.Similarities[kept++] = (float)similarity;
            }

            acc.Dot[z] = 0;
            acc.Count[z] = 0;
        }

        var (threshold, ties) = NeighbourSelection.Cut(acc.Similarities.AsSpan(0, kept), k, acc.Scratch);
        var neighbours = new List<int>(Math.Min(k, kept));
        var similarities = new List<float>(Math.Min(k, kept));
        for (int c = 0; c < kept; c++)
        {
            float s = acc.Similarities[c];
            if (s > threshold || (s == threshold && ties-- > 0))
            {
                neighbours.Add(acc.Kept[c]);
                similarities.Add(s);
            }
        }

        return ([.. neighbours], [.. similarities]);
    }

    /// <summary>n/(n + λ), or 1 without shrinkage.</summary>
    public static double Shrink(int support, float shrinkage) => shrinkage == 0 ? 1.0 : support / (support + (double)shrinkage);

    private sealed class Accumulator(int size)
    {
        public double[] Dot { get; } = new double[size];

        public int[] Count { get; } = new int[size];

        public int[] Touched { get; } = new int[size];

        public int[] Kept { get; } = new int[size];

        public float[] Similarities { get; } = new float[size];

        public float[] Scratch { get; } = new float[size];
    }
}
