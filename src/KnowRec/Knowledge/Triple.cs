namespace KnowRec.Knowledge;

/// <summary>One fact of a knowledge graph: <c>(head, relation, tail)</c> as dense entity and relation indices.</summary>
/// <param name="Head">Index of the head entity.</param>
/// <param name="Relation">Index of the relation.</param>
/// <param name="Tail">Index of the tail entity.</param>
public readonly record struct Triple(int Head, int Relation, int Tail);
