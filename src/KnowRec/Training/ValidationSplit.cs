using KnowRec.Data;
using KnowRec.Data.Splits;

namespace KnowRec.Training;

/// <summary>Carves a validation set out of a training set, for early stopping and tuning without touching the test set.</summary>
public static class ValidationSplit
{
    /// <summary>
    /// Holds out, per user, the latest interaction when <paramref name="train"/> has timestamps (leave-last-out), else a
    /// seeded random <paramref name="fraction"/> of the user's interactions (user-ratio); users with fewer than
    /// <paramref name="minInteractions"/> interactions keep all of theirs in the training part.
    /// </summary>
    /// <param name="train">The training set to divide; the test set must never be passed here.</param>
    /// <param name="fraction">Share held out per user without timestamps, in (0, 1) (default 0.1); at least one row per eligible user.</param>
    /// <param name="seed">Seed of the random choice (unused with timestamps).</param>
    /// <param name="minInteractions">Fewest interactions a user needs to give any to validation, at least 2 (default 3).</param>
    /// <returns>
    /// A split whose <see cref="DataSplit.Train"/> is what the model fits on and whose <see cref="DataSplit.Test"/> is the
    /// validation set; both share <paramref name="train"/>'s id maps and keep its row order.
    /// </returns>
    /// <remarks>
    /// Reuses <see cref="Splitter"/>'s user-ratio and leave-last-out protocols, so the choice is the one a test split
    /// would make: deterministic for a seed, latest-by-time with ties to the later row. Users below
    /// <paramref name="minInteractions"/> are then given their rows back: a user with one or two interactions loses too
    /// much from training for the little a validation row tells.
    /// </remarks>
    /// <exception cref="ArgumentException">Timestamps are promised but a row has none.</exception>
    public static DataSplit Carve(Dataset train, double fraction = 0.1, int seed = 42, int minInteractions = 3)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The validation fraction must lie strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minInteractions, 2);
        var protocol = train.HasTimestamps ? SplitProtocol.LeaveLastOut : SplitProtocol.UserRatio;
        var split = Splitter.Split(train, new SplitOptions { Protocol = protocol, TestRatio = fraction, Seed = seed })[0];
        string name = $"validation-{SplitProtocolNames.ToName(protocol)}";

        var counts = new int[train.Users.Count];
        foreach (var row in train.Interactions)
        {
            counts[row.User]++;
        }

        // Rows are distinct per (user, item), so a pair names a row; keeping the source order keeps the fit reproducible.
        var held = new HashSet<(int User, int Item)>();
        var validation = new List<Interaction>(split.Test.Interactions.Count);
        foreach (var row in split.Test.Interactions)
        {
            if (counts[row.User] >= minInteractions)
            {
                held.Add((row.User, row.Item));
                validation.Add(row);
            }
        }

        IReadOnlyList<Interaction> fit = split.Train.Interactions;
        if (validation.Count < split.Test.Interactions.Count)
        {
            var kept = new List<Interaction>(train.Interactions.Count - validation.Count);
            foreach (var row in train.Interactions)
            {
                if (!held.Contains((row.User, row.Item)))
                {
                    kept.Add(row);
                }
            }

            fit = kept;
        }

        return new DataSplit(
            train.WithInteractions(fit, $"{train.Name}-fit"),
            train.WithInteractions(validation, $"{train.Name}-validation"),
            name);
    }
}
