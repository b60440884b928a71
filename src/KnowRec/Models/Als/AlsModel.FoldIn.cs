using System.Buffers;
using KnowRec.Numerics;

namespace KnowRec.Models.Als;

/// <content>Fold-in of users unseen in training, and explanations (Hu, Koren, Volinsky 2008, §5).</content>
public sealed partial class AlsModel
{
    /// <summary>
    /// Factors of a user not seen in training, from their history: the exact one-user solve of eq. 4 against the fixed
    /// item factors, x = (YᵀY + Yᵀ(C − I)Y + λI)⁻¹ YᵀC p.
    /// </summary>
    /// <param name="items">Item indices of the history; repeated items have their values summed.</param>
    /// <param name="values">Interaction values r, aligned with <paramref name="items"/>; values ≤ 0 count as missing.</param>
    /// <returns>The user's factor vector (length <see cref="AlsOptions.Factors"/>).</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An item index is unknown.</exception>
    public float[] FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        var (columns, weights) = History(items, values);
        var x = new float[_stride];
        AlsLeastSquares.SolveExact(_itemGram, columns, weights, Options.Alpha, _itemFactors, x, new float[_stride * _stride]);
        return x[..Options.Factors];
    }

    /// <summary>Recommends for a user not seen in training, from their history (see <see cref="FoldIn"/>).</summary>
    /// <remarks>With <see cref="RecommendOptions.ExcludeSeen"/>, the history items are left out.</remarks>
    public IReadOnlyList<ScoredItem> RecommendForHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int count, RecommendOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        options ??= RecommendOptions.Default;
        var (columns, _) = History(items, values);
        float[] x = FoldIn(items, values);
        Array.Resize(ref x, _stride);
        float[] scores = ArrayPool<float>.Shared.Rent(Items.Count);
        try
        {
            var span = scores.AsSpan(0, Items.Count);
            FactorKernels.ScoreByFactor(_itemFactorsByFactor, x, Options.Factors, span);
            if (options.Candidates is { } candidates)
            {
                // Only candidates compete: everything else is masked out before the top-K pass.
                var keep = new bool[Items.Count];
                foreach (int c in candidates)
                {
                    ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)c, (uint)Items.Count, nameof(options));
                    keep[c] = true;
                }

                for (int i = 0; i < span.Length; i++)
                {
                    span[i] = keep[i] ? span[i] : float.NegativeInfinity;
                }
            }

            if (options.ExcludeSeen)
            {
                foreach (int item in columns)
                {
                    span[item] = float.NegativeInfinity;
                }
            }

            foreach (int item in options.Exclude ?? (IEnumerable<int>)[])
            {
                if ((uint)item < (uint)span.Length)
                {
                    span[item] = float.NegativeInfinity;
                }
            }

            return TopK.Select(span, count);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// The exact split of the score x_uᵀy_i over the user's history (Hu, Koren, Volinsky 2008, eq. 7–8): with
    /// W_u = (YᵀC^uY + λI)⁻¹, item j contributes s_j = c_uj · y_iᵀW_u y_j, and Σ_j s_j = y_iᵀ W_u YᵀC^u p(u).
    /// </summary>
    /// <remarks>
    /// The contributions add up to the score of the exact user solve against the final item factors, which is
    /// <see cref="IRecommender.Score"/> with the Cholesky solver and agrees with it closely with conjugate gradient.
    /// Costs one k × k Cholesky factorisation and O(k·n_u) per call.
    /// </remarks>
    public IReadOnlyList<Contribution> Explain(int user, int item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var columns = Seen.ItemsOf(user);
        var values = Seen.ValuesOf(user);
        var factor = new float[_stride * _stride];
        if (!AlsLeastSquares.Factor(_itemGram, columns, values, Options.Alpha, _itemFactors, factor))
        {
            throw new InvalidOperationException($"The ALS system of user {user} is not positive definite.");
        }

        // W_u y_i once, then one dot per history item.
        float[] weighted = _itemFactors.AsSpan(item * _stride, _stride).ToArray();
        Cholesky.Solve<float>(factor, _stride, weighted);
        var contributions = new List<Contribution>(columns.Length);
        for (int e = 0; e < columns.Length; e++)
        {
            if (values[e] > 0f)
            {
                float confidence = 1f + (Options.Alpha * values[e]);
                contributions.Add(new Contribution(columns[e], confidence * FactorKernels.Dot(weighted, _itemFactors.AsSpan(columns[e] * _stride, _stride))));
            }
        }

        contributions.Sort(static (a, b) => b.Weight.CompareTo(a.Weight) is var c && c != 0 ? c : a.Item.CompareTo(b.Item));
        return contributions.Count > count ? contributions[..count] : contributions;
    }

    // Validates a history and merges repeated items, so each item enters the system once with its summed value.
    private (int[] Columns, float[] Values) History(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        if (items.Length != values.Length)
        {
            throw new ArgumentException($"History has {items.Length} items but {values.Length} values.", nameof(values));
        }

        var merged = new SortedDictionary<int, float>();
        for (int k = 0; k < items.Length; k++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)items[k], (uint)Items.Count, nameof(items));
            merged[items[k]] = merged.GetValueOrDefault(items[k]) + values[k];
        }

        return ([.. merged.Keys], [.. merged.Values]);
    }
}
