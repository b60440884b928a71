namespace KnowRec.Data;

/// <summary>One observed (user, item) event with its value and, when known, its time.</summary>
/// <param name="User">Dense user index.</param>
/// <param name="Item">Dense item index.</param>
/// <param name="Value">Rating, play count or 1 for a plain implicit event.</param>
/// <param name="Timestamp">Unix seconds, or <see cref="NoTimestamp"/> when the source has no time.</param>
public readonly record struct Interaction(int User, int Item, float Value, long Timestamp = Interaction.NoTimestamp)
{
    /// <summary>Marks an interaction whose time is unknown.</summary>
    public const long NoTimestamp = long.MinValue;

    /// <summary>True when <see cref="Timestamp"/> holds a real time.</summary>
    public bool HasTimestamp => Timestamp != NoTimestamp;
}
