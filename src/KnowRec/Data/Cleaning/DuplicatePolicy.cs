namespace KnowRec.Data.Cleaning;

/// <summary>How rows that repeat a (user, item) pair are merged into one.</summary>
public enum DuplicatePolicy
{
    /// <summary>Keep the row with the latest timestamp; without timestamps, the one that comes last in the files.</summary>
    KeepLatest,

    /// <summary>Keep the row with the largest value (the later one on ties).</summary>
    KeepMax,

    /// <summary>Add the values up (e.g. play counts), keeping the latest timestamp.</summary>
    Sum,
}
