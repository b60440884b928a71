using System.Buffers;

namespace KnowRec.Models.Knn;

/// <content>Rating prediction: one (user, item) by merging two sorted rows, or every item of a user by scattering.</content>
public sealed partial class KnnBaselineModel
{
    /// <summary>The neighbour term Σ s·(r − b) / Σ s of r̂_ui, before the baseline is added and the sum clipped.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The user or item index is unknown.</exception>
    public float NeighbourTerm(int user, int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return NeighbourPart(user, item);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item) => _clip.Apply(Biases.Predict(user, item) + NeighbourPart(user, item));

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        // Candidates of every item, grouped by item with a counting pass, each group in ascending neighbour order
        // (the same order the merge in NeighbourPart produces).
        int items = scores.Length;
        int[] starts = ArrayPool<int>.Shared.Rent(items + 1);
        try
        {
            Array.Clear(starts, 0, items + 1);
            Scatter(user, starts, null, null);
            for (int i = 0; i < items; i++)
            {
                starts[i + 1] += starts[i];
            }

            int total = starts[items];
            float[] similarities = ArrayPool<float>.Shared.Rent(Math.Max(1, total));
            float[] values = ArrayPool<float>.Shared.Rent(Math.Max(1, total));
            float[] scratch = ArrayPool<float>.Shared.Rent(Math.Max(1, total));
            try
            {
                // The fill pass leaves starts[i] at the end of group i; shift by one so it is the start again.
                Scatter(user, starts, similarities, values);
                for (int i = items; i > 0; i--)
                {
                    starts[i] = starts[i - 1];
                }

                starts[0] = 0;
                for (int i = 0; i < items; i++)
                {
                    int from = starts[i];
                    int length = starts[i + 1] - from;
                    float part = length == 0 ? 0f : NeighbourSelection.WeightedAverage(
                        similarities.AsSpan(from, length), values.AsSpan(from, length), Options.Neighbours, Options.MinNeighbours, scratch);
                    scores[i] = _clip.Apply(Biases.Predict(user, i) + part);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(similarities);
                ArrayPool<float>.Shared.Return(values);
                ArrayPool<float>.Shared.Return(scratch);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
        }
    }

    // Without output arrays: counts candidates per item into next[i + 1]. With them: writes candidate (s, e) of item i
    // at next[i]++, where next holds the prefix sums (group i starts at next[i] before the pass).
    private void Scatter(int user, int[] next, float[]? similarities, float[]? values)
    {
        int offset = similarities is null ? 1 : 0;
        if (Options.UserBased)
        {
            // Neighbours v of u, ascending; each contributes (s_uv, e_vi) to every item i that v rated.
            var neighbours = _similarities.NeighboursOf(user);
            var weights = _similarities.SimilaritiesOf(user);
            for (int n = 0; n < neighbours.Length; n++)
            {
                var rated = _residualsByUser.ItemsOf(neighbours[n]);
                var residuals = _residualsByUser.ValuesOf(neighbours[n]);
                for (int k = 0; k < rated.Length; k++)
                {
                    Put(next, rated[k] + offset, similarities, values, weights[n], residuals[k]);
                }
            }
        }
        else
        {
            // Items j that u rated, ascending; each contributes (s_ij, e_uj) to every neighbour i of j (s is symmetric).
            var rated = _residualsByUser.ItemsOf(user);
            var residuals = _residualsByUser.ValuesOf(user);
            for (int k = 0; k < rated.Length; k++)
            {
                var neighbours = _similarities.NeighboursOf(rated[k]);
                var weights = _similarities.SimilaritiesOf(rated[k]);
                for (int n = 0; n < neighbours.Length; n++)
                {
                    Put(next, neighbours[n] + offset, similarities, values, weights[n], residuals[k]);
                }
            }
        }
    }

    private static void Put(int[] next, int slot, float[]? similarities, float[]? values, float similarity, float value)
    {
        int at = next[slot]++;
        if (similarities is not null)
        {
            similarities[at] = similarity;
            values![at] = value;
        }
    }

    private float NeighbourPart(int user, int item)
    {
        int x = Options.UserBased ? user : item;
        var candidates = Options.UserBased ? _residualsByItem : _residualsByUser;
        int y = Options.UserBased ? item : user;
        var neighbours = _similarities.NeighboursOf(x);
        var rated = candidates.ItemsOf(y);
        int most = Math.Min(neighbours.Length, rated.Length);
        if (most == 0)
        {
            return 0f;
        }

        float[] buffer = ArrayPool<float>.Shared.Rent(3 * most);
        try
        {
            int count = Merge(_similarities, x, candidates, y, buffer.AsSpan(0, most), buffer.AsSpan(most, most), default);
            return count == 0 ? 0f : NeighbourSelection.WeightedAverage(
                buffer.AsSpan(0, count), buffer.AsSpan(most, count), Options.Neighbours, Options.MinNeighbours, buffer.AsSpan(2 * most, most));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    // The candidates of (x, y): neighbours of x that are also in row y, ascending, with their similarity and residual.
    private static int Merge(
        SimilarityRows rows, int x, Data.InteractionMatrix candidates, int y, Span<float> similarities, Span<float> values, Span<int> indices)
    {
        var neighbours = rows.NeighboursOf(x);
        var weights = rows.SimilaritiesOf(x);
        var rated = candidates.ItemsOf(y);
        var residuals = candidates.ValuesOf(y);
        int a = 0, b = 0, count = 0;
        while (a < neighbours.Length && b < rated.Length)
        {
            if (neighbours[a] < rated[b])
            {
                a++;
            }
            else if (neighbours[a] > rated[b])
            {
                b++;
            }
            else
            {
                similarities[count] = weights[a];
                values[count] = residuals[b];
                if (!indices.IsEmpty)
                {
                    indices[count] = rated[b];
                }

                count++;
                a++;
                b++;
            }
        }

        return count;
    }
}
