namespace KnowRec.Data;

/// <summary>What the values of a dataset mean.</summary>
public enum FeedbackKind
{
    /// <summary>Values are events, counts or weights: bigger means more, there is no rating scale.</summary>
    Implicit,

    /// <summary>Values are ratings on a bounded scale (e.g. 1–5 stars).</summary>
    Explicit,
}
