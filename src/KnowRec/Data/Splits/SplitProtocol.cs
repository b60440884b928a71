namespace KnowRec.Data.Splits;

/// <summary>How <see cref="Splitter"/> divides a dataset into train and test rows.</summary>
/// <remarks>The command-line and <see cref="DataSplit.Protocol"/> spelling of each value comes from <see cref="SplitProtocolNames"/>.</remarks>
public enum SplitProtocol
{
    /// <summary><c>user-ratio</c>: per user, a seeded <see cref="SplitOptions.TestRatio"/> share of that user's rows goes to test.</summary>
    UserRatio,

    /// <summary><c>random</c>: a seeded global holdout of <see cref="SplitOptions.TestRatio"/> of all rows.</summary>
    Random,

    /// <summary><c>leave-last-out</c>: per user, the latest row by timestamp goes to test.</summary>
    LeaveLastOut,

    /// <summary><c>temporal</c>: a global cut by time; everything after the cut goes to test.</summary>
    Temporal,

    /// <summary><c>kfold</c>: rows are shuffled into <see cref="SplitOptions.Folds"/> folds; each fold is the test part once.</summary>
    KFold,

    /// <summary><c>fixed</c>: the split the source ships, from <see cref="Dataset.FixedTestMask"/>.</summary>
    Fixed,

    /// <summary><c>cold-items</c>: a seeded <see cref="SplitOptions.TestRatio"/> share of items is held out with all its rows.</summary>
    ColdItems,

    /// <summary>
    /// <c>cold-users</c>: a seeded <see cref="SplitOptions.TestRatio"/> share of users become new users who keep only their
    /// first <see cref="SplitOptions.ColdUserHistory"/> rows (earliest by time, else in file order) in train; the rest of
    /// their rows are test. Every other user's rows are train, so only the new users are evaluated.
    /// </summary>
    ColdUsers,
}
