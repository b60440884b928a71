namespace KnowRec.Knowledge.Linking;

/// <summary>What entity linking decided for one source item.</summary>
public enum LinkStatus
{
    /// <summary>One target scored at or above the threshold and clearly above every other.</summary>
    Linked,

    /// <summary>The best target scored at or above the threshold, but another came within the ambiguity margin.</summary>
    Ambiguous,

    /// <summary>No target reached the threshold.</summary>
    Unlinked,
}
