namespace KnowRec.Features;

/// <summary>How a rating weighs an item in a user profile (<see cref="UserProfiles"/>); implicit data always weighs 1.</summary>
public enum RatingWeighting
{
    /// <summary>Every history item weighs 1.</summary>
    Uniform,

    /// <summary>w = max(r − r̄_u, 0): only items rated above the user's own mean count, in proportion to how far above; all 1 when none is.</summary>
    AboveMean,

    /// <summary>w = r − r̄_u: items rated below the user's mean push the profile away from themselves.</summary>
    Centered,
}
