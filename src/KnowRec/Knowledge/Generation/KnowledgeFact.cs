namespace KnowRec.Knowledge.Generation;

/// <summary>One fact about an item as (relation, value), e.g. (released in, 1995) or (from country, USA).</summary>
/// <param name="Relation">The relation, lower case, e.g. <c>released in</c>.</param>
/// <param name="Value">The value as written.</param>
public sealed record KnowledgeFact(string Relation, string Value);
