namespace KnowRec.Models.Factorization;

/// <summary>One training rating packed into 12 bytes, so an epoch streams through a shuffled array of them.</summary>
internal readonly record struct Rating(int User, int Item, float Value);
