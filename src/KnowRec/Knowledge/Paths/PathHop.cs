namespace KnowRec.Knowledge.Paths;

/// <summary>One step of a knowledge path, from entity <paramref name="From"/> to entity <paramref name="To"/>.</summary>
/// <param name="From">Entity the step leaves.</param>
/// <param name="Relation">Relation index of the triple walked.</param>
/// <param name="To">Entity the step reaches.</param>
/// <param name="Forward">
/// True when the triple is <c>(From, Relation, To)</c>; false when it is <c>(To, Relation, From)</c>, i.e. the
/// step walks the relation backwards.
/// </param>
public readonly record struct PathHop(int From, int Relation, int To, bool Forward);
