using KnowRec.Data.Readers;

namespace KnowRec.Data.Cleaning;

/// <summary>Turns what a reader collected into a clean <see cref="Dataset"/>: duplicates, implicit threshold, k-core, compact ids.</summary>
/// <remarks>
/// Catalogue rule: when a format has a metadata file for items (users), the catalogue is every id in that file, whether
/// or not any interaction survives cleaning (interactions naming other ids were already rejected as unknown); without
/// one, it is the ids that still have an interaction after cleaning. Order: metadata file order, else first appearance.
/// Row order is kept (for fixed splits: train rows, then test rows).
/// </remarks>
internal static class DataCleaner
{
    public static Dataset Clean(RawDataset raw)
    {
        var options = raw.Options;
        var rows = raw.Rows.ToArray();
        var alive = new bool[rows.Length];
        Array.Fill(alive, true);
        MergeDuplicates(rows, alive, options.DuplicatePolicy, raw.Report);

        var feedback = raw.Feedback;
        var scale = raw.RatingScale;
        if (options.ImplicitThreshold is { } threshold)
        {
            ApplyThreshold(rows, alive, threshold, raw.Report);
            feedback = FeedbackKind.Implicit;
            scale = null;
        }

        KCore.Apply(rows, alive, raw.Users.Count, raw.Items.Count, options.MinUserInteractions, options.MinItemInteractions, raw.Report);

        var (users, userIndex) = Compact(raw.Users, raw.UserCatalogueFixed, rows, alive, r => r.User);
        var (items, itemIndex) = Compact(raw.Items, raw.ItemCatalogueFixed, rows, alive, r => r.Item);
        var interactions = new List<Interaction>(rows.Length);
        var mask = new List<bool>(rows.Length);
        for (int k = 0; k < rows.Length; k++)
        {
            if (alive[k])
            {
                var r = rows[k];
                interactions.Add(new Interaction(userIndex[r.User], itemIndex[r.Item], r.Value, r.Timestamp));
                mask.Add(r.Test);
            }
        }

        raw.Report.RowsKept = interactions.Count;
        return new Dataset(raw.Name, users, items, interactions)
        {
            Feedback = feedback,
            RatingScale = scale,
            HasTimestamps = raw.HasTimestamps,
            ItemMetadata = Align(raw.ItemMetadata, itemIndex, items.Count),
            UserAttributes = Align(raw.UserAttributes, userIndex, users.Count),
            FixedTestMask = mask.Contains(true) ? mask : null,
            Cleaning = raw.Report,
        };
    }

    // Groups rows by (user, item) through a sort of packed keys; the chosen row of each group survives in place.
    private static void MergeDuplicates(RawRow[] rows, bool[] alive, DuplicatePolicy policy, CleaningReport report)
    {
        var keys = new long[rows.Length];
        var order = new int[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            keys[k] = ((long)rows[k].User << 32) | (uint)rows[k].Item;
            order[k] = k;
        }

        Array.Sort(keys, order);
        long merged = 0;
        for (int start = 0; start < keys.Length;)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
                MergeGroup(rows, alive, order.AsSpan(start, end - start), policy);
                merged += end - start - 1;
            }

            start = end;
        }

        report.Add(CleaningCauses.Duplicate, merged);
    }

    // group holds row positions in file order, so "later" is simply a larger position.
    private static void MergeGroup(RawRow[] rows, bool[] alive, ReadOnlySpan<int> group, DuplicatePolicy policy)
    {
        int chosen = group[0];
        float sum = 0;
        long latest = long.MinValue;
        foreach (int k in group)
        {
            sum += rows[k].Value;
            latest = Math.Max(latest, rows[k].Timestamp);
            bool better = policy == DuplicatePolicy.KeepMax
                ? rows[k].Value >= rows[chosen].Value
                : rows[k].Timestamp >= rows[chosen].Timestamp;
            if (better)
            {
                chosen = k;
            }

            alive[k] = false;
        }

        alive[chosen] = true;
        if (policy == DuplicatePolicy.Sum)
        {
            rows[chosen] = rows[chosen] with { Value = sum, Timestamp = latest };
        }
    }

    private static void ApplyThreshold(RawRow[] rows, bool[] alive, float threshold, CleaningReport report)
    {
        long dropped = 0;
        for (int k = 0; k < rows.Length; k++)
        {
            if (!alive[k])
            {
                continue;
            }

            if (rows[k].Value >= threshold)
            {
                rows[k] = rows[k] with { Value = 1f };
            }
            else
            {
                alive[k] = false;
                dropped++;
            }
        }

        report.Add(CleaningCauses.BelowThreshold, dropped);
    }

    private static (IdMap Map, int[] NewIndex) Compact(IdInterner raw, bool fixedCatalogue, RawRow[] rows, bool[] alive, Func<RawRow, int> key)
    {
        var used = new bool[raw.Count];
        if (fixedCatalogue)
        {
            Array.Fill(used, true);
        }
        else
        {
            for (int k = 0; k < rows.Length; k++)
            {
                if (alive[k])
                {
                    used[key(rows[k])] = true;
                }
            }
        }

        var map = new IdMap();
        var newIndex = new int[raw.Count];
        for (int i = 0; i < raw.Count; i++)
        {
            newIndex[i] = used[i] ? map.GetOrAdd(raw[i]) : -1;
        }

        return (map, newIndex);
    }

    private static T?[] Align<T>(List<T?> byRaw, int[] newIndex, int count)
        where T : class
    {
        var result = new T?[count];
        for (int i = 0; i < byRaw.Count && i < newIndex.Length; i++)
        {
            if (newIndex[i] >= 0)
            {
                result[newIndex[i]] = byRaw[i];
            }
        }

        return result;
    }
}
