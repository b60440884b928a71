namespace KnowRec.Data.Readers;

/// <summary>One parsed interaction in raw (reader) indices, before cleaning.</summary>
internal readonly record struct RawRow(int User, int Item, float Value, long Timestamp, bool Test);
