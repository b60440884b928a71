namespace KnowRec.Models.Knn;

/// <content>Explanations: the neighbour term split over the user's rated items.</content>
public sealed partial class KnnBaselineModel
{
    /// <summary>
    /// The rated items whose terms added most to the neighbour part of r̂_ui, largest first; all of them sum to
    /// <see cref="NeighbourTerm"/> (the prediction before the baseline is added and before clipping).
    /// </summary>
    /// <remarks>
    /// Item-based: item j's weight is s_ij (r_uj − b_uj) / Σ s. User-based: neighbour v's term s_uv (r_vi − b_vi) / Σ s is
    /// split over the items j that u and v both rated, in proportion to j's share of s_uv, which is the sum over those
    /// items of shrink · e_uj e_vj / √(Σ e_uj² Σ e_vj²); so each item carries how much agreeing on it made v a
    /// neighbour. Shares can be negative when u and v disagree on an item. Empty when the neighbour term is 0 because
    /// fewer than MinNeighbours neighbours exist.
    /// </remarks>
    public IReadOnlyList<Contribution> Explain(int user, int item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int x = Options.UserBased ? user : item;
        int y = Options.UserBased ? item : user;
        var candidates = Options.UserBased ? _residualsByItem : _residualsByUser;
        int most = candidates.CountOf(y);
        var similarities = new float[most];
        var values = new float[most];
        var neighbours = new int[most];
        int n = Merge(_similarities, x, candidates, y, similarities, values, neighbours);
        var (threshold, ties) = NeighbourSelection.Cut(similarities.AsSpan(0, n), Options.Neighbours, new float[n]);
        var chosen = new List<(int Neighbour, float Similarity, float Value)>();
        double total = 0;
        for (int c = 0; c < n; c++)
        {
            if (similarities[c] > threshold || (similarities[c] == threshold && ties-- > 0))
            {
                chosen.Add((neighbours[c], similarities[c], values[c]));
                total += similarities[c];
            }
        }

        if (chosen.Count < Options.MinNeighbours || total <= 0 || count == 0)
        {
            return [];
        }

        var weights = new Dictionary<int, double>();
        foreach (var (neighbour, similarity, value) in chosen)
        {
            double term = similarity * (double)value / total;
            if (Options.UserBased)
            {
                SplitOverSharedItems(user, neighbour, similarity, term, weights);
            }
            else
            {
                weights[neighbour] = term;
            }
        }

        return [.. weights
            .Select(w => new Contribution(w.Key, (float)w.Value))
            .OrderByDescending(c => c.Weight)
            .ThenBy(c => c.Item)
            .Take(count)];
    }

    // s_uv = f · Σ_j e_uj e_vj / √(Σ e_uj² Σ e_vj²) over the shared items j, so item j's share of the term is
    // term · e_uj e_vj / Σ_j e_uj e_vj; the shares sum to the term exactly (up to rounding).
    private void SplitOverSharedItems(int user, int neighbour, float similarity, double term, Dictionary<int, double> weights)
    {
        var mine = _residualsByUser.ItemsOf(user);
        var mineValues = _residualsByUser.ValuesOf(user);
        var theirs = _residualsByUser.ItemsOf(neighbour);
        var theirValues = _residualsByUser.ValuesOf(neighbour);
        var shared = new List<(int Item, double Product)>();
        double sum = 0;
        int a = 0, b = 0;
        while (a < mine.Length && b < theirs.Length)
        {
            if (mine[a] == theirs[b])
            {
                double product = mineValues[a] * (double)theirValues[b];
                shared.Add((mine[a], product));
                sum += product;
                a++;
                b++;
            }
            else if (mine[a] < theirs[b])
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        // A positive similarity implies a positive product sum; the guard only protects against a damaged file.
        if (sum <= 0 || similarity <= 0)
        {
            return;
        }

        foreach (var (sharedItem, product) in shared)
        {
            weights[sharedItem] = weights.GetValueOrDefault(sharedItem) + (term * product / sum);
        }
    }
}
