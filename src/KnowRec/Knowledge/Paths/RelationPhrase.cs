namespace KnowRec.Knowledge.Paths;

/// <summary>How to say one relation in English, in both directions.</summary>
/// <param name="Forward">Verb phrase with the head as subject and the tail as object: "was directed by".</param>
/// <param name="Backward">Verb phrase with the tail as subject and the head as object: "directed".</param>
/// <param name="HeadRole">What the head is to the tail ("director" for <c>film.director.film</c>), or null when unknown.</param>
/// <param name="TailRole">What the tail is to the head ("director" for <c>film.film.director</c>), or null when unknown.</param>
/// <param name="HeadIsPerson">The head is a person (so "who", not "which").</param>
/// <param name="TailIsPerson">The tail is a person.</param>
/// <param name="HeadKind">What the head is, to label it when it has no name; <paramref name="HeadRole"/> when null.</param>
/// <param name="TailKind">What the tail is ("award" where the role is "award nomination"); <paramref name="TailRole"/> when null.</param>
public sealed record RelationPhrase(
    string Forward,
    string Backward,
    string? HeadRole,
    string? TailRole,
    bool HeadIsPerson = false,
    bool TailIsPerson = false,
    string? HeadKind = null,
    string? TailKind = null)
{
    /// <summary>The verb phrase for a step from one end to the other; <paramref name="forward"/> as in <see cref="PathHop.Forward"/>.</summary>
    public string Verb(bool forward) => forward ? Forward : Backward;

    /// <summary>What the entity a step reaches is to the entity it leaves (the tail when walked forward).</summary>
    public string? RoleOfEnd(bool forward) => forward ? TailRole : HeadRole;

    /// <summary>What the entity a step leaves is to the entity it reaches.</summary>
    public string? RoleOfStart(bool forward) => forward ? HeadRole : TailRole;

    /// <summary>What the entity a step reaches is, to label it when unnamed.</summary>
    public string? KindOfEnd(bool forward) => forward ? TailKind ?? TailRole : HeadKind ?? HeadRole;

    /// <summary>Whether the entity a step reaches is a person.</summary>
    public bool EndIsPerson(bool forward) => forward ? TailIsPerson : HeadIsPerson;

    /// <summary>Whether the entity a step leaves is a person.</summary>
    public bool StartIsPerson(bool forward) => forward ? HeadIsPerson : TailIsPerson;

    /// <summary>The same relation read from the other end.</summary>
    public RelationPhrase Inverse() => new(Backward, Forward, TailRole, HeadRole, TailIsPerson, HeadIsPerson, TailKind, HeadKind);
}
