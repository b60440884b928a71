using KnowRec.Data.Readers;

namespace KnowRec.Data.Cleaning;

/// <summary>The iterated k-core filter: drop rows of users/items below their minimum until no count changes.</summary>
/// <remarks>Each pass removes every offending row at once, then recounts; O(passes × rows).</remarks>
internal static class KCore
{
    public static void Apply(RawRow[] rows, bool[] alive, int users, int items, int minUser, int minItem, CleaningReport report)
    {
        if (minUser <= 1 && minItem <= 1)
        {
            // Every id that has a row already has at least one: nothing to remove.
            return;
        }

        var userCounts = new int[users];
        var itemCounts = new int[items];
        long removed = 0;
        bool changed = true;
        while (changed)
        {
            Array.Clear(userCounts);
            Array.Clear(itemCounts);
            for (int k = 0; k < rows.Length; k++)
            {
                if (alive[k])
                {
                    userCounts[rows[k].User]++;
                    itemCounts[rows[k].Item]++;
                }
            }

            changed = false;
            for (int k = 0; k < rows.Length; k++)
            {
                if (alive[k] && (userCounts[rows[k].User] < minUser || itemCounts[rows[k].Item] < minItem))
                {
                    alive[k] = false;
                    removed++;
                    changed = true;
                }
            }
        }

        report.Add(CleaningCauses.KCore, removed);
    }
}
