using KnowRec.Data;

namespace KnowRec.Knowledge.Linking;

/// <summary>A dataset with item text attached, how its items were linked to the text rows, and how often the ids agreed.</summary>
/// <param name="Data">The dataset with extended item metadata.</param>
/// <param name="Links">The linking decision for every titled item.</param>
/// <param name="KeysAgree">Linked items whose text row carries the item's own key (<see cref="Dataset.KeyOf"/>).</param>
public sealed record ItemTextAttachment(Dataset Data, LinkResult Links, int KeysAgree);
