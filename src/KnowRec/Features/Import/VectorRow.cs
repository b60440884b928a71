namespace KnowRec.Features.Import;

/// <summary>One row of an imported vector file: an item id, its values, and where it was read (<c>FILE:LINE</c> or <c>FILE row N</c>) for messages.</summary>
internal sealed record VectorRow(string Id, float[] Values, string Where);

/// <summary>What a vector file parser hands back: its rows and the malformed ones it skipped in lenient mode.</summary>
internal sealed record VectorRows(List<VectorRow> Rows, int Skipped);
