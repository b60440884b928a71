namespace KnowRec.Knowledge.Generation;

/// <summary>A person credited on an item, e.g. (director, John Lasseter).</summary>
/// <param name="Role">What they did, lower case: director, writer, actor, composer...</param>
/// <param name="Name">Their name as written.</param>
public sealed record KnowledgePerson(string Role, string Name);
