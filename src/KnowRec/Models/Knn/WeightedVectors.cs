using KnowRec.Data;

namespace KnowRec.Models.Knn;

/// <summary>The vectors a kNN model compares: entity × other values after weighting and centring, with their norms.</summary>
/// <remarks>Derived deterministically from the training matrix and the options, so a loaded model rebuilds them exactly.</remarks>
internal sealed class WeightedVectors
{
    private WeightedVectors(InteractionMatrix rows, double[] norms)
    {
        Rows = rows;
        Columns = rows.Transpose();
        Norms = norms;
    }

    /// <summary>Entity × other transformed values x.</summary>
    public InteractionMatrix Rows { get; }

    /// <summary>The transpose of <see cref="Rows"/>.</summary>
    public InteractionMatrix Columns { get; }

    /// <summary>‖x_row‖ per entity.</summary>
    public double[] Norms { get; }

    /// <param name="byEntity">The raw matrix with the compared entities as rows (items × users for item-knn).</param>
    /// <param name="options">Weighting and similarity.</param>
    public static WeightedVectors Build(InteractionMatrix byEntity, KnnOptions options)
    {
        var starts = byEntity.RowStarts;
        var columns = byEntity.Columns;
        var values = byEntity.Values.ToArray();
        Weigh(byEntity, values, options);
        if (options.Similarity == KnnSimilarity.Pearson)
        {
            // Each compared vector minus its own mean over observed entries.
            for (int x = 0; x < byEntity.Users; x++)
            {
                int n = starts[x + 1] - starts[x];
                double sum = 0;
                for (int k = starts[x]; k < starts[x + 1]; k++)
                {
                    sum += values[k];
                }

                for (int k = starts[x]; k < starts[x + 1]; k++)
                {
                    values[k] = (float)(values[k] - (sum / n));
                }
            }
        }
        else if (options.Similarity == KnnSimilarity.AdjustedCosine)
        {
            // Minus the other side's mean (the user's mean rating for item-item), Sarwar et al. 2001, §3.1.3.
            var sums = new double[byEntity.Items];
            var counts = new int[byEntity.Items];
            for (int k = 0; k < values.Length; k++)
            {
                sums[columns[k]] += values[k];
                counts[columns[k]]++;
            }

            for (int k = 0; k < values.Length; k++)
            {
                values[k] = (float)(values[k] - (sums[columns[k]] / counts[columns[k]]));
            }
        }

        var norms = new double[byEntity.Users];
        for (int x = 0; x < byEntity.Users; x++)
        {
            double sum = 0;
            for (int k = starts[x]; k < starts[x + 1]; k++)
            {
                sum += values[k] * (double)values[k];
            }

            // BM25 normalises document length itself, and a per-row factor cancels in a cosine (on 0/1 data BM25 under
            // cosine equals TF-IDF), so, as implicit's BM25Recommender, BM25 compares by the plain dot product.
            norms[x] = options.Weighting == KnnWeighting.Bm25 ? (starts[x + 1] > starts[x] ? 1.0 : 0.0) : Math.Sqrt(sum);
        }

        var rows = InteractionMatrix.FromCsr(byEntity.Users, byEntity.Items, starts.ToArray(), columns.ToArray(), values);
        return new WeightedVectors(rows, norms);
    }

    // implicit's tfidf_weight / bm25_weight with entities as documents and the other side as terms.
    private static void Weigh(InteractionMatrix byEntity, float[] values, KnnOptions options)
    {
        if (options.Weighting == KnnWeighting.None)
        {
            return;
        }

        var starts = byEntity.RowStarts;
        var columns = byEntity.Columns;
        var frequency = new int[byEntity.Items];
        foreach (int c in columns)
        {
            frequency[c]++;
        }

        double documents = byEntity.Users;
        var idf = frequency.Select(df => Math.Log(documents) - Math.Log(1.0 + df)).ToArray();
        if (options.Weighting == KnnWeighting.TfIdf)
        {
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = (float)(Math.Sqrt(values[k]) * idf[columns[k]]);
            }

            return;
        }

        var lengths = new double[byEntity.Users];
        for (int x = 0; x < byEntity.Users; x++)
        {
            for (int k = starts[x]; k < starts[x + 1]; k++)
            {
                lengths[x] += values[k];
            }
        }

        double average = lengths.Length == 0 ? 1 : Math.Max(lengths.Average(), double.Epsilon);
        double k1 = options.Bm25K1;
        double b = options.Bm25B;
        for (int x = 0; x < byEntity.Users; x++)
        {
            double norm = (1.0 - b) + (b * lengths[x] / average);
            for (int k = starts[x]; k < starts[x + 1]; k++)
            {
                values[k] = (float)(values[k] * (k1 + 1.0) / ((k1 * norm) + values[k]) * idf[columns[k]]);
            }
        }
    }
}
